namespace AccountabilityBot.Web.Tests;

/// <summary>
/// The line length the .editorconfig asks for: <c>max_line_length</c> only guides editors and the compiler has no rule
/// for it, so this reads every C# file under src/ and tests/ and names each line that is too long.
/// </summary>
public sealed class SourceStyleTests
{
    const int MaxLineLength = 160;

    static readonly string[] Folders = ["src", "tests"];

    // Build output, and what EF Core's tools write (left as the tools write them, as the .editorconfig says).
    static readonly string[] Skipped = ["obj", "bin", "Migrations", "CompiledModel"];

    // Lines that may stay longer, by file (from the repository root, with '/') and a piece of the line, each with why.
    // Empty today: every long line could be wrapped without changing a string's text.
    static readonly (string File, string Piece, string Why)[] Exceptions = [];

    [Fact]
    public void SourceLines_AreAtMost160Characters()
    {
        var root = RepositoryRoot();
        var files = Folders.SelectMany(folder => SourceFiles(root, Path.Combine(root, folder))).ToList();
        Assert.True(files.Count > 100, $"Found only {files.Count} C# files under {root}");

        var tooLong = files.SelectMany(file => LongLines(file, File.ReadAllText(Path.Combine(root, file)))).ToList();

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} lines are over {MaxLineLength} characters; wrap them (or list one in Exceptions with why):\n" +
            string.Join('\n', tooLong));
    }

    [Fact]
    public void LongLines_NamesFileAndLine_AndSkipsListedExceptions()
    {
        var text = "short\n" + new string('x', MaxLineLength) + "\r\n" + new string('y', MaxLineLength + 1) + "\n";

        Assert.Equal([$"src/A.cs:3 ({MaxLineLength + 1} characters)"], LongLines("src/A.cs", text));
        Assert.Empty(LongLines("src/A.cs", text, [("src/A.cs", "yyy", "a test of the exception list")]));
    }

    static IEnumerable<string> LongLines(string file, string text) => LongLines(file, text, Exceptions);

    static IEnumerable<string> LongLines(string file, string text, (string File, string Piece, string Why)[] exceptions)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length <= MaxLineLength) continue;
            if (exceptions.Any(e => e.File == file && line.Contains(e.Piece, StringComparison.Ordinal))) continue;
            yield return $"{file}:{i + 1} ({line.Length} characters)";
        }
    }

    static IEnumerable<string> SourceFiles(string root, string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(file => !file.Split('/').Any(part => Skipped.Contains(part)))
            .Order(StringComparer.Ordinal);

    static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "AccountabilityBot.sln"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }
}
