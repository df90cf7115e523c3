using System.Net.Http.Json;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>The real process, started as a service unit starts it: from another folder, with the path of the dll.</summary>
[Collection(BotProcessTests.Name)]
public sealed class SettingsCheckTests
{
    const string DataFolder = "the data folder checks guard where the SQLite file goes; PostgreSQL keeps nothing there";

    [Fact]
    public async Task WrongSettings_RefuseToStart_OneLineEach_WithoutSecretsOrStackTrace_AndCreateNothing()
    {
        var elsewhere = BotApplication.NewDataDirectory();
        var data = Path.Combine(BotApplication.NewDataDirectory(), "data");
        var (exitCode, output) = await BotProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = data,
            ["Teams:AppId"] = "not-a-guid",
            ["Teams:AppPassword"] = "teams-password-never-printed",
            ["Slack:BotToken"] = "xoxp-user-token-never-printed",
            ["Slack:SigningSecret"] = "signing-secret-never-printed",
            ["Bot:DefaultTimeZone"] = "Mars/Olympus",
            ["Jobs:WorkerCount"] = "two",
            ["Demo:Enabled"] = "yes",
        }, workingDirectory: elsewhere);

        Assert.Equal(SettingsCheck.ExitCode, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setting in new[] { "Teams:AppId", "Slack:BotToken", "Bot:DefaultTimeZone", "Jobs:WorkerCount: 'two'", "Demo:Enabled: 'yes'" })
            Assert.Single(lines, l => l.StartsWith(setting, StringComparison.Ordinal));
        Assert.DoesNotContain("never-printed", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(data), "nothing may be created before the settings are known to be right");
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [SqliteFact(DataFolder)]
    public async Task DataFolderThatCannotBeMade_RefusesToStart_OneLineNamingTheSetting()
    {
        var elsewhere = BotApplication.NewDataDirectory();
        var file = Path.Combine(elsewhere, "not-a-folder");
        await File.WriteAllTextAsync(file, "");
        var (exitCode, output) = await BotProcess.RunToExitAsync(
            new Dictionary<string, string> { ["Database:DataDirectory"] = Path.Combine(file, "data") }, workingDirectory: elsewhere);

        Assert.Equal(SettingsCheck.ExitCode, exitCode);
        Assert.Contains($"Database:DataDirectory: cannot keep the data in {Path.Combine(file, "data")}: {file} is a file, not a folder.", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [SqliteFact(DataFolder)]
    public async Task DatabaseInTheOldWorkingDirectoryDataFolder_RefusesToStart_SayingWhatToSet()
    {
        var elsewhere = BotApplication.NewDataDirectory();
        var relative = "data-" + Guid.NewGuid().ToString("N");
        var old = Directory.CreateDirectory(Path.Combine(elsewhere, relative)).FullName;
        await File.WriteAllBytesAsync(Path.Combine(old, "accountability.db"), []);

        var (exitCode, output) = await BotProcess.RunToExitAsync(
            new Dictionary<string, string> { ["Database:DataDirectory"] = relative }, workingDirectory: elsewhere);

        Assert.Equal(SettingsCheck.ExitCode, exitCode);
        Assert.Contains($"Set Database:DataDirectory={old} to keep using it", output);
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, relative)));
    }

    [SqliteFact(DataFolder)]
    public async Task StartedFromAnotherFolder_AppliesItsOwnAppSettings_AndKeepsARelativeDataFolderBesideIt()
    {
        var elsewhere = BotApplication.NewDataDirectory();
        var relative = "data-" + Guid.NewGuid().ToString("N");
        try
        {
            using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Database:DataDirectory"] = relative }, workingDirectory: elsewhere);
            var reply = await bot.Client.PostAsJsonAsync("/local/messages", new { user = "ana", channel = "leadership", text = "help" });
            reply.EnsureSuccessStatusCode();

            // appsettings.json sets Microsoft.EntityFrameworkCore to Warning: without it every SQL statement is logged.
            Assert.DoesNotContain("Executed DbCommand", bot.Output);
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, relative, "accountability.db")));
            Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.Combine(AppContext.BaseDirectory, relative), recursive: true);
        }
    }
}
