using System.Text.RegularExpressions;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// Jobs/ owns every use of Hangfire, so the job storage can change in one folder: the adapters queue their late replies
/// through Core's IFollowUpQueue. Read from the sources, because a `using` inside a method body shows in no signature.
/// </summary>
public sealed partial class HangfireBoundaryTests
{
    [Fact]
    public void Sources_OutsideJobs_DoNotUseHangfire()
    {
        var root = RepoRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(Path.Combine(root, "src", "AccountabilityBot.Web", "Jobs") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => UsesHangfire().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Pattern_FindsAUsingAndAQualifiedName_NotTheWordInAComment()
    {
        Assert.Matches(UsesHangfire(), "using Hangfire;\nclass A;");
        Assert.Matches(UsesHangfire(), "var c = new Hangfire.BackgroundJobClient();");
        Assert.DoesNotMatch(UsesHangfire(), "// Hangfire would then start it again\nvar s = app.Services.GetRequiredService<HangfireCadenceScheduler>();");
    }

    static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "AccountabilityBot.sln"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?Hangfire\b|\bHangfire\.[A-Z]", RegexOptions.Multiline)]
    private static partial Regex UsesHangfire();
}
