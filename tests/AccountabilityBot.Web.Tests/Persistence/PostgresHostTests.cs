using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Persistence.CompiledModel;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>The real host on a real PostgreSQL database (ACCOUNTABILITY_TEST_POSTGRES), each test on a fresh one.</summary>
[Collection(WebTests.Name)]
public sealed class PostgresHostTests
{
    static FakeTimeProvider NewClock() => new(BotApplication.Thursday);

    [PostgresFact]
    public async Task Startup_MigratesAnEmptyDatabase_AndASecondStartFindsItUpToDate()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var first = new BotApplication(BotApplication.NewDataDirectory(), NewClock(), database.Settings()))
        {
            Assert.Contains("What I can do", (await first.SayAsync("ana", "help")).Text);
            await first.WithDbAsync(async db =>
            {
                Assert.IsType<PostgresAppDbContext>(db);
                Assert.IsNotType<SqliteAppDbContextModel>(db.Model); // SQLite's compiled model is SQLite's alone
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(JourneyStage.Defaults, await db.JourneyStages.OrderBy(s => s.Position).Select(s => s.Name).ToArrayAsync());
                return 0;
            });
        }
        var migrations = await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """);
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));

        await using var second = new BotApplication(BotApplication.NewDataDirectory(), NewClock(), database.Settings());
        await second.SayAsync("ana", "help");
        Assert.Equal(migrations, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """));
        Assert.Equal(JourneyStage.Defaults.Length, await second.WithDbAsync(db => db.JourneyStages.CountAsync()));
    }

    [PostgresFact]
    public async Task DatabaseWithAMigrationThisBuildDoesNotKnow_RefusesToStart_SayingWhich_AndLeavesTheDataAlone()
    {
        const string Foreign = "20250101000000_InitialFromAnOlderRelease";
        await using var database = await PostgresDatabase.CreateAsync();
        await database.ScalarAsync<int>($"""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('{Foreign}', '10.0.0');
            CREATE TABLE "AuditTrail" ("Id" serial PRIMARY KEY, "Summary" text NOT NULL);
            INSERT INTO "AuditTrail" ("Summary") VALUES ('kept');
            """);
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), NewClock(), database.Settings());

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("was made by another build of AccountabilityBot", error.ToString());
        Assert.Contains(Foreign, error.ToString());
        Assert.Equal(Foreign, await database.ScalarAsync<string>("""SELECT string_agg("MigrationId", ',') FROM "__EFMigrationsHistory" """));
        Assert.Equal("kept", await database.ScalarAsync<string>("""SELECT string_agg("Summary", ',') FROM "AuditTrail" """));
    }

    [PostgresFact]
    public async Task Demo_WeeklyReview_IsTheSameOnBothProviders()
    {
        var reviews = new List<string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            await using var host = await ProviderApp.CreateAsync(provider, NewClock(), new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
            // The review, beside the demo's other posts (the reliability watch's alerts).
            var review = Assert.Single(await host.App.TranscriptAsync("leadership"),
                i => i.From == "bot" && i.Text.StartsWith("Weekly customer review", StringComparison.Ordinal));
            Assert.Contains("Weekly customer review", review.Text);
            reviews.Add(review.Text);
        }
        Assert.Contains("$", reviews[1]);
        Assert.Equal(reviews[0], reviews[1]);
    }

    /// <summary>The same conversation on both providers: the same answers, the same rows, money exact.</summary>
    [PostgresFact]
    public async Task ChatCommands_AnswerAndStoreTheSame_OnBothProviders()
    {
        var runs = new List<List<string>>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            await using var host = await ProviderApp.CreateAsync(provider, NewClock());
            var app = host.App;
            var said = new List<string>
            {
                (await app.SayAsync("ana", "role @tom executive")).Text,
                (await app.SayAsync("tom", "commit Fix the onboarding email sequence due:friday stage:Onboard")).Text,
                (await app.SayAsync("ana", "lost \"ACME Dental\" value:36000.55 reason:\"missed deliveries\" on:2026-11-23")).Text,
            };
            var writer = app.Services.GetRequiredService<CommandWriter>();
            var resolved = new InboundCommand(ChatPlatform.Local, "frontline", "ana", "resolved \"refund stuck\" customer:Acme cost:12.35", "d-1");
            var first = await writer.RunAsync(resolved);
            var retry = await writer.RunAsync(resolved);
            var refused = await writer.RunAsync(new InboundCommand(ChatPlatform.Local, "leadership", "tom", "role @ana frontline", "d-2"));
            Assert.Equal((OutcomeKind.Done, OutcomeKind.Repeat, OutcomeKind.Refused), (first.Kind, retry.Kind, refused.Kind));
            Assert.Equal(MessageJson.Serialize(first.Reply), MessageJson.Serialize(retry.Reply));
            said.Add(MessageJson.Serialize(first.Reply));
            said.Add(refused.Refusal ?? "");
            said.Add((await app.SayAsync("ana", "jar")).Text);

            await app.WithDbAsync(async db =>
            {
                Assert.Single(await db.Resolutions.ToListAsync());
                Assert.Equal(1, await db.ResolutionTallies.SumAsync(t => t.Count));
                Assert.Equal(36000.55m, await db.CustomerEvents.Select(e => e.AnnualValue).SingleAsync());
                Assert.Equal(12.35m, await db.Resolutions.Select(r => r.Cost).SingleAsync());
                said.AddRange((await db.Commitments.OrderBy(c => c.Id).ToListAsync()).Select(c => $"C-{c.Id} {c.Title} {c.DueOn:O} {c.Status}"));
                said.AddRange((await db.ReceivedCommands.OrderBy(r => r.Id).ToListAsync()).Select(r => $"{r.DeliveryId.Length > 2} {r.Text} {r.HandledAt:O}"));
                return 0;
            });
            runs.Add(said);
        }
        Assert.Equal(runs[0], runs[1]);
    }

    [Fact]
    public async Task ProviderWithoutConnectionString_OrWithAnUnreadableOne_RefusesToStart()
    {
        foreach (var (connection, expected) in new[]
        {
            ((string?)null, "ConnectionStrings:Accountability is required with Database:Provider=Postgres"),
            ("Host=127.0.0.1;Nonsense Key=1", "ConnectionStrings:Accountability is not a PostgreSQL connection string"),
        })
        {
            await using var app = new BotApplication(BotApplication.NewDataDirectory(), NewClock(),
                new Dictionary<string, string?> { ["Database:Provider"] = "postgresql", ["ConnectionStrings:Accountability"] = connection });
            var error = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
            Assert.Contains(expected, error.Message);
        }
    }
}
