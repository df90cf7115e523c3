using System.Buffers.Binary;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Commands;
using Json.Schema;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>manifests/teams: the app package sources.</summary>
public sealed class TeamsManifestTests
{
    static string PackageFile(string name) => Path.Combine(AppContext.BaseDirectory, "manifests", "teams", name);
    static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(PackageFile("manifest.json")))!.AsObject();

    [Fact]
    public void Manifest_IsValidAgainstTheTeamsSchemaV129()
    {
        // The official schema is draft-04; read as draft-06 (the validator's oldest), which only adds checks such as
        // "const" on manifestVersion. It has no exclusiveMinimum/Maximum, the one keyword whose meaning changed.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Schemas", "MicrosoftTeams.schema.v1.29.json"))
            .Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#");
        var schema = JsonSchema.FromText(text);
        CardSchema.AssertValid(schema, Manifest());

        var broken = Manifest();
        broken["manifestVersion"] = "1.17";
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CardSchema.AssertValid(schema, broken));
    }

    [Fact]
    public void Manifest_BotInEveryScope_CommandsAreOurVerbs()
    {
        var bot = Manifest()["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var titles = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.NotNull(CommandCatalog.Find(t)));
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void Icons_AreRgbaPngsOfTheRequiredSize_OutlineWhiteOnTransparent(string file, int size, bool outline)
    {
        var bytes = File.ReadAllBytes(PackageFile(file));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal((8, 6), (bytes[24], bytes[25])); // 8-bit RGBA
        if (outline) Assert.All(Pixels(bytes, size), p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255)));
        else Assert.All(Pixels(bytes, size), p => Assert.Equal(255, p.A)); // a solid square, no rounded corners
    }

    /// <summary>Decodes the PNGs our script writes: one IDAT, filter type 0 on every row.</summary>
    static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(byte[] png, int size)
    {
        var idat = png.AsSpan(8);
        var data = new MemoryStream();
        while (idat.Length > 12)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(idat);
            if (idat.Slice(4, 4).SequenceEqual("IDAT"u8)) data.Write(idat.Slice(8, length));
            idat = idat[(12 + length)..];
        }
        data.Position = 0;
        using var z = new System.IO.Compression.ZLibStream(data, System.IO.Compression.CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var b = raw.ToArray();
        var pixels = new List<(byte, byte, byte, byte)>();
        for (var y = 0; y < size; y++)
        {
            var row = y * (size * 4 + 1);
            Assert.Equal(0, b[row]);
            for (var x = 0; x < size; x++) pixels.Add((b[row + 1 + x * 4], b[row + 2 + x * 4], b[row + 3 + x * 4], b[row + 4 + x * 4]));
        }
        return pixels;
    }
}
