namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// Where the browser tests keep their screenshots: TestResults/screenshots/&lt;provider&gt;/ in the test project's folder
/// (ignored by git), so a person can look at every page after a run, the PostgreSQL pass beside the SQLite one.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(ProjectFolder(), "TestResults", "screenshots",
        TestProvider.IsPostgres ? "postgres" : "sqlite")).FullName;

    public static string PathFor(string name) =>
        Path.Combine(Folder, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '-')) + ".png");

    static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AccountabilityBot.Web.Tests.csproj"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
