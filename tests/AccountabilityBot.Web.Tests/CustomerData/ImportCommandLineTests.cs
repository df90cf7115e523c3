using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AccountabilityBot.Web.Tests.CustomerData;

[Collection(WebTests.Name)]
public sealed class ImportCommandLineTests
{
    static long Count(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "accountability.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM CustomerEvents";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Import_CommandLine_ExitCodesSayWhatHappened()
    {
        var data = BotApplication.NewDataDirectory();
        var good = Path.Combine(data, "good.csv");
        var bad = Path.Combine(data, "bad.csv");
        await File.WriteAllTextAsync(good, ApiClient.Header + "\n2026-11-02,won,,ACME,,1000,,,,,E-1\n");
        await File.WriteAllTextAsync(bad, ApiClient.Header + "\n2026-11-02,won,,ACME,,lots,,,,,E-2\n");
        var settings = $"--Database:DataDirectory={data}";

        Assert.Equal(0, await ImportCommandLine.RunAsync(["import", good, settings]));
        Assert.Equal(1, await ImportCommandLine.RunAsync(["import", bad, settings]));
        Assert.Equal(2, await ImportCommandLine.RunAsync(["import", good, "--mapping", "zoho", settings]));
        Assert.Equal(2, await ImportCommandLine.RunAsync(["import", Path.Combine(data, "missing.csv"), settings]));
        SqliteConnection.ClearAllPools();
        Assert.Equal(1, Count(data));
    }
}
