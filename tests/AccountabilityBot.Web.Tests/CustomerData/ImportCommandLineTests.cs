using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AccountabilityBot.Web.Tests.CustomerData;

[Collection(WebTests.Name)]
public sealed class ImportCommandLineTests
{
    [Fact]
    public async Task Import_CommandLine_ExitCodesSayWhatHappened()
    {
        var data = BotApplication.NewDataDirectory();
        var good = Path.Combine(data, "good.csv");
        var bad = Path.Combine(data, "bad.csv");
        await File.WriteAllTextAsync(good, ApiClient.Header + "\n2026-11-02,won,,ACME,,1000,,,,,E-1\n");
        await File.WriteAllTextAsync(bad, ApiClient.Header + "\n2026-11-02,won,,ACME,,lots,,,,,E-2\n");
        string[] settings = [.. FolderDatabases.Settings(data, new Dictionary<string, string?> { ["Database:DataDirectory"] = data })
            .Select(s => $"--{s.Key}={s.Value}")];

        Assert.Equal(0, await ImportCommandLine.RunAsync(["import", good, .. settings]));
        Assert.Equal(1, await ImportCommandLine.RunAsync(["import", bad, .. settings]));
        Assert.Equal(2, await ImportCommandLine.RunAsync(["import", good, "--mapping", "zoho", .. settings]));
        Assert.Equal(2, await ImportCommandLine.RunAsync(["import", Path.Combine(data, "missing.csv"), .. settings]));
        SqliteConnection.ClearAllPools();
        Assert.Equal(1, await FolderDatabases.CountAsync(data, "SELECT COUNT(*) FROM \"CustomerEvents\""));
    }
}
