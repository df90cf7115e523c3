using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// Moving an SQLite installation to PostgreSQL: every row goes across (checked table by table), the bot on PostgreSQL
/// then answers exactly as it did on SQLite, and a database that is not empty is refused untouched.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class PostgresMoveTests
{
    static FakeTimeProvider NewClock() => new(BotApplication.Thursday);

    /// <summary>The move's source is a SQLite installation in every pass (the PostgreSQL pass would otherwise put it on PostgreSQL).</summary>
    static Dictionary<string, string?> Sqlite(Dictionary<string, string?>? settings = null) => new(settings ?? []) { ["Database:Provider"] = "Sqlite" };

    static bool IsReview(Web.Local.LocalTranscriptItem item) => item.From == "bot" && item.Text.Contains("Weekly customer review");

    [PostgresFact]
    public async Task Move_OfTheDemoInstallation_CopiesEveryRow_AndTheBotAnswersTheSameOnPostgres()
    {
        var folder = BotApplication.NewDataDirectory();
        string review, jar;
        await using (var sqlite = new BotApplication(folder, NewClock(), Sqlite(new() { ["Demo:Enabled"] = "true" })))
        {
            await sqlite.SayAsync("ana", "resolved \"refund stuck\" customer:Acme cost:12.35");
            await sqlite.SayAsync("ana", "apikey create hubspot");
            review = Assert.Single(await sqlite.TranscriptAsync("leadership"), IsReview).Text;
            jar = (await sqlite.SayAsync("ana", "jar quarter")).Text;
        }
        await using var database = await PostgresDatabase.CreateAsync();

        var moved = await MoveAsync(folder, database);

        Assert.Equal(0, moved.ExitCode);
        Assert.DoesNotContain("DIFFERS", moved.Output);
        Assert.Matches(@"CustomerEvents\s+[1-9][\d,]* → ", moved.Output);
        await using var postgres = new BotApplication(BotApplication.NewDataDirectory(), NewClock(), database.Settings());
        Assert.Equal(review, Assert.Single(await postgres.TranscriptAsync("leadership"), IsReview).Text);
        Assert.Equal(jar, (await postgres.SayAsync("ana", "jar quarter")).Text);
        Assert.Equal(12.35m, await postgres.WithDbAsync(db => db.Resolutions.Where(r => r.CustomerName == "Acme").Select(r => r.Cost).SingleAsync()));
        // The ids went across as they were, and new rows continue after them.
        var before = await postgres.WithDbAsync(db => db.Commitments.MaxAsync(c => c.Id));
        Assert.Contains($"C-{before + 1}", (await postgres.SayAsync("ana", "commit Call every lost clinic due:friday")).Text);
        Assert.Contains("API key", (await postgres.SayAsync("ana", "apikey")).Text);
    }

    [PostgresFact]
    public async Task Move_IntoADatabaseThatIsNotEmpty_IsRefused_AndLeavesItAlone()
    {
        var folder = BotApplication.NewDataDirectory();
        await using (var sqlite = new BotApplication(folder, NewClock(), Sqlite())) await sqlite.SayAsync("ana", "help");
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var used = new BotApplication(BotApplication.NewDataDirectory(), NewClock(), database.Settings()))
            await used.SayAsync("maria", "help");

        var moved = await MoveAsync(folder, database);

        Assert.Equal(1, moved.ExitCode);
        Assert.Contains("not empty", moved.Output);
        Assert.Equal("maria", await database.ScalarAsync<string>("""SELECT string_agg("DisplayName", ',') FROM "Members" """));
    }

    [Fact]
    public async Task Move_WithoutATarget_SaysHowToUseIt()
    {
        var folder = BotApplication.NewDataDirectory();
        await using (var sqlite = new BotApplication(folder, NewClock(), Sqlite())) await sqlite.SayAsync("ana", "help");
        var moved = await RunAsync(["move-to-postgres", Path.Combine(folder, PersistenceExtensions.FileName)]);
        Assert.Equal(2, moved.ExitCode);
        Assert.Contains("ConnectionStrings:Accountability is required", moved.Output);
    }

    static Task<(int ExitCode, string Output)> MoveAsync(string folder, PostgresDatabase database) =>
        RunAsync(["move-to-postgres", Path.Combine(folder, PersistenceExtensions.FileName), "--ConnectionStrings:Accountability=" + database.ConnectionString]);

    static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            return (await MoveCommandLine.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
