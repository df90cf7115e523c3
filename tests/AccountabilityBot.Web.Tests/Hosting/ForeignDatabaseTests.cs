using AccountabilityBot.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>A database file made by another build: the real process refuses to start, says why, and leaves the data alone.</summary>
[Collection(BotProcessTests.Name)]
public sealed class ForeignDatabaseTests
{
    const string ForeignMigration = "20250101000000_InitialFromAnOlderRelease";

    [SqliteFact("writes another build's migration into the SQLite file; PostgresHostTests refuse the same on PostgreSQL")]
    public async Task DatabaseWithAMigrationThisBuildDoesNotKnow_RefusesToStart_SayingWhich_AndLeavesTheDataAlone()
    {
        var dataDirectory = BotApplication.NewDataDirectory();
        var file = Path.Combine(dataDirectory, "accountability.db");
        Execute(file, $"""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('{ForeignMigration}', '10.0.0');
            CREATE TABLE "AuditTrail" ("Id" INTEGER PRIMARY KEY, "Summary" TEXT NOT NULL);
            INSERT INTO "AuditTrail" ("Summary") VALUES ('kept');
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        }));

        Assert.Contains("was made by another build of AccountabilityBot", error.Message);
        Assert.Contains(ForeignMigration, error.Message);
        Assert.Equal(ForeignMigration, Query(file, """SELECT group_concat("MigrationId") FROM "__EFMigrationsHistory" """));
        Assert.Equal("kept", Query(file, """SELECT group_concat("Summary") FROM "AuditTrail" """));
    }

    static void Execute(string file, string sql) => Query(file, sql);

    static string? Query(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
