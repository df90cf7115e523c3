using System.Globalization;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using SkiaSharp;

namespace AccountabilityBot.Web.Charts;

/// <summary>
/// Draws the marble jar as a PNG: two jars of marbles (won, lost) with their whole numbers and yearly value, and the
/// net of each recent week as bars. Colours are the Okabe–Ito blue and vermillion, which colour-blind readers tell
/// apart, and every quantity is also written as a number, so colour is never the only cue.
/// </summary>
public static class JarChartRenderer
{
    public const int Width = 760, Height = 340;

    /// <summary>Marbles drawn per jar; more are counted as "+N", like the text's marble line.</summary>
    public const int MaxMarbles = 60;

    static readonly SKColor Won = new(0x00, 0x72, 0xB2), Lost = new(0xD5, 0x5E, 0x00), Ink = new(0x1F, 0x23, 0x28),
        Muted = new(0x5A, 0x63, 0x6E), Rule = new(0xC9, 0xCF, 0xD6), Glass = new(0xF2, 0xF5, 0xF8);

    // The font is shipped inside the app (Liberation Sans, SIL OFL): a slim server or container often has no fonts
    // at all, and the NoDependencies Skia build reads none from the system.
    static readonly SKTypeface Face = LoadFace();

    static SKTypeface LoadFace()
    {
        using var stream = typeof(JarChartRenderer).Assembly.GetManifestResourceStream("Charts.LiberationSans-Regular.ttf")
            ?? throw new InvalidOperationException("The chart font is missing from the build.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The chart font could not be read.");
    }

    public static byte[] Render(JarChartBlock chart)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var title = Font(19, bold: true);
        using var label = Font(14);
        using var small = Font(12);
        using var fill = new SKPaint { IsAntialias = true };

        Text(canvas, Trim(chart.Title, title, Width - 32), 16, 28, title, Ink, fill);
        DrawJar(canvas, chart.Won, "won", chart.Currency, Won, new SKRect(24, 52, 184, 262), label, small, fill);
        DrawJar(canvas, chart.Lost, "lost", chart.Currency, Lost, new SKRect(204, 52, 364, 262), label, small, fill);
        DrawTrend(canvas, chart.Weeks, new SKRect(404, 52, Width - 20, Height - 24), label, small, fill);

        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // Flat colours compress well with one filter; the default tries all five per row, which costs time for nothing.
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6))
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return png.ToArray();
    }

    static void DrawJar(SKCanvas canvas, JarTotal total, string word, string money, SKColor colour, SKRect box,
        SKFont label, SKFont small, SKPaint paint)
    {
        var jar = new SKRect(box.Left + 10, box.Top + 14, box.Right - 10, box.Bottom);
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Muted };
        paint.Color = Glass;
        canvas.DrawRoundRect(jar, 14, 14, paint);
        canvas.DrawRoundRect(jar, 14, 14, outline);
        var neck = new SKRect(jar.MidX - 34, box.Top, jar.MidX + 34, jar.Top + 6);
        canvas.DrawRect(neck, paint);
        canvas.DrawRect(neck, outline);

        // Marbles fill the jar from the bottom, row by row.
        const float R = 7.5f, Step = 2 * R + 2;
        var perRow = (int)((jar.Width - 12) / Step);
        var shown = Math.Min(total.Count, MaxMarbles);
        paint.Color = colour;
        for (var i = 0; i < shown; i++)
        {
            var row = i / perRow;
            var col = i % perRow;
            canvas.DrawCircle(jar.Left + 6 + R + col * Step + (row % 2) * (Step / 2 - 1), jar.Bottom - 8 - R - row * (Step - 1.5f), R, paint);
        }
        var count = Format.Count(total.Count, "customer") + " " + word;
        Text(canvas, count, box.MidX, box.Bottom + 22, label, Ink, paint, SKTextAlign.Center, bold: true);
        Text(canvas, Format.Money(total.Value, money) + " a year", box.MidX, box.Bottom + 42, small, Muted, paint, SKTextAlign.Center);
        if (total.Count > MaxMarbles)
            Text(canvas, "+" + (total.Count - MaxMarbles).ToString("#,0", CultureInfo.InvariantCulture) + " more", jar.MidX, jar.Top + 22,
                small, Ink, paint, SKTextAlign.Center);
    }

    static void DrawTrend(SKCanvas canvas, IReadOnlyList<JarWeek> weeks, SKRect box, SKFont label, SKFont small, SKPaint paint)
    {
        Text(canvas, $"Net customers, last {weeks.Count} weeks", box.Left, box.Top + 4, label, Ink, paint, bold: true);
        if (weeks.Count == 0) return;
        var plot = new SKRect(box.Left, box.Top + 30, box.Right, box.Bottom - 22);
        var max = Math.Max(1, weeks.Max(w => Math.Abs(w.Net)));
        var hasNegative = weeks.Any(w => w.Net < 0);
        var hasPositive = weeks.Any(w => w.Net > 0) || !hasNegative;
        // The zero line sits where the bars need it: at the bottom when no week lost ground, in the middle when both.
        var zero = !hasNegative ? plot.Bottom - 16 : !hasPositive ? plot.Top + 16 : plot.MidY;
        var scale = (hasNegative && hasPositive ? plot.Height / 2 - 18 : plot.Height - 34) / max;
        var slot = plot.Width / weeks.Count;
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 1 };
        canvas.DrawLine(plot.Left, zero, plot.Right, zero, rule);
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            var x = plot.Left + i * slot;
            var h = Math.Abs(w.Net) * scale;
            paint.Color = w.Net >= 0 ? Won : Lost;
            if (w.Net != 0) canvas.DrawRect(new SKRect(x + 4, w.Net > 0 ? zero - h : zero, x + slot - 4, w.Net > 0 ? zero : zero + h), paint);
            var number = (w.Net > 0 ? "+" : w.Net < 0 ? "−" : "") + Math.Abs(w.Net).ToString("#,0", CultureInfo.InvariantCulture);
            Text(canvas, number, x + slot / 2, w.Net >= 0 ? zero - h - 4 : zero + h + 13, small, Ink, paint, SKTextAlign.Center);
            if (i % 2 == (weeks.Count - 1) % 2) // every other week, ending with the latest, so the dates never collide
                Text(canvas, w.From.ToString("d MMM", CultureInfo.InvariantCulture), x + slot / 2, box.Bottom, small, Muted, paint, SKTextAlign.Center);
        }
    }

    static SKFont Font(float size, bool bold = false) => new(Face, size) { Embolden = bold, Subpixel = true, Edging = SKFontEdging.Antialias };

    static void Text(SKCanvas canvas, string text, float x, float y, SKFont font, SKColor colour, SKPaint paint,
        SKTextAlign align = SKTextAlign.Left, bool bold = false)
    {
        paint.Color = colour;
        var wasBold = font.Embolden;
        font.Embolden = wasBold || bold;
        canvas.DrawText(text, x, y, align, font, paint);
        font.Embolden = wasBold;
    }

    static string Trim(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1];
        return text + "…";
    }
}
