using System.Buffers.Binary;
using AccountabilityBot.Web.Charts;
using SkiaSharp;

namespace AccountabilityBot.Web.Tests.Charts;

public sealed class JarChartRendererTests
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(4, 1)]
    [InlineData(0, 0)]
    [InlineData(250, 3)] // more marbles than a jar draws
    public void Render_AnyWeek_IsASmallPngOfTheChartsSize(int won, int lost)
    {
        var png = JarChartRenderer.Render(ChartSamples.Week(won, lost));

        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(JarChartRenderer.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(JarChartRenderer.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.InRange(png.Length, 5_000, 60_000);
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, $"jar-chart-{won}-{lost}.png"), png);
    }

    [Fact]
    public void Render_WonAndLost_DrawsBothColoursAndText()
    {
        using var bitmap = SKBitmap.Decode(JarChartRenderer.Render(ChartSamples.Week(4, 1)));
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2) colours.Add(bitmap.GetPixel(x, y));

        Assert.Contains(new SKColor(0x00, 0x72, 0xB2), colours); // won, blue
        Assert.Contains(new SKColor(0xD5, 0x5E, 0x00), colours); // lost, vermillion
        // Dark text pixels near the top-left: the title was drawn with the shipped font, not left blank.
        var inked = 0;
        for (var y = 10; y < 34; y++)
            for (var x = 16; x < 300; x++)
                if (bitmap.GetPixel(x, y).Red < 0x60) inked++;
        Assert.True(inked > 200, $"only {inked} dark pixels where the title should be");
    }
}
