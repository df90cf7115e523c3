using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

[Collection(WebTests.Name)]
public sealed class StartupTests
{
    [Fact]
    public async Task Demo_FirstStart_ShowsAWeeklyReviewAndTheReliabilityAlertsInTheLeadershipChannel()
    {
        var logs = new LogCapture();
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Demo:Enabled"] = "true" }, s => s.AddSingleton<ILoggerProvider>(logs));
        var leadership = await app.TranscriptAsync("leadership");
        // A first start is quiet: nothing logged that someone starting the bot would think they must act on.
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Warning") || l.StartsWith("Error") || l.StartsWith("Critical"));
        var review = Assert.Single(leadership, i => i.From == "bot" && i.Text.Contains("Weekly customer review"));
        Assert.NotEmpty(review.Buttons);
        Assert.Contains("Reliability watch", review.Text);
        Assert.Contains("🔴 T-1 First reply within 4 hours (Get help): 4.6 hours on 25 Nov", review.Text);
        // The demo shares the scoreboard: Priya closed her commitment ten days ago, three days before its due date.
        Assert.Contains("Follow-through, Q4 2026 so far", review.Text);
        Assert.Matches(@"@Priya [^\n—]+ — commitments: 1 kept on time, 0 kept late, 0 overdue, 0 dropped", review.Text);
        // Replies are past four hours; on-time delivery is sliding towards 95% and will cross within two weeks.
        var alerts = leadership.Where(i => i.From == "bot" && i.Text.Contains("Reliability watch: T-")).Select(i => i.Text).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, a => a.Contains("First reply within 4 hours is past its threshold") && a.Contains("fix owned by @Maria Chen"));
        Assert.Contains(alerts, a => a.Contains("Orders delivered on the promised day is heading past its threshold"));
        // The carrier's wrong addresses, fixed six times at Delivery in the last two weeks: a frontline pattern.
        var pattern = Assert.Single(leadership, i => i.From == "bot" && i.Text.Contains("Frontline pattern: F-"));
        Assert.Contains("6 fixes at Delivery in the last 14 days share the words “wrong”, “address”, “carrier”", pattern.Text);
        Assert.Contains("Propose a stop", pattern.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task UnknownDefaultTimeZone_RefusesToStart_WithAClearMessage()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Bot:DefaultTimeZone"] = "Mars/Olympus" });
        var error = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.Contains("Bot:DefaultTimeZone must be an IANA time zone", error.Message);
    }

    [Theory]
    [InlineData("Slack:SigningSecret", null, System.Net.HttpStatusCode.NotFound)]
    [InlineData("Teams:AppId", null, System.Net.HttpStatusCode.NotFound)]
    [InlineData("Slack:SigningSecret", "true", System.Net.HttpStatusCode.OK)]
    public async Task LocalChannel_WithPlatformCredentials_IsOffUnlessEnabled(string credential, string? localEnabled, System.Net.HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?> { [credential] = "configured", ["Local:Enabled"] = localEnabled };
        // A Teams app id only counts with a password beside it (else the bot refuses to start; see the Teams tests).
        if (credential == "Teams:AppId") (settings[credential], settings["Teams:AppPassword"]) = ("6e0f6a3c-2d4b-4c55-9c5e-0c3b1f7a9d21", "secret");
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), settings);
        var response = await app.CreateClient().GetAsync("/local/messages?channel=leadership");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Database_AfterTheFirstStart_IsMigratedInWalModeWithDefaultStagesAndCadence()
    {
        // A folder that does not exist yet: the bot makes it and its database (other tests start from a migrated copy).
        var folder = Path.Combine(BotApplication.NewDataDirectory(), "new");
        await using var app = new BotApplication(folder, new FakeTimeProvider(BotApplication.Thursday));
        app.CreateClient();
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.Equal(await app.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations())),
            await app.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync()));
        if (!TestProvider.IsPostgres) // WAL is SQLite's; the rest holds on both providers
            Assert.Equal("wal", Assert.Single(await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync())));
        Assert.Equal(AccountabilityBot.Core.Domain.JourneyStage.Defaults,
            await app.WithDbAsync(db => db.JourneyStages.OrderBy(s => s.Position).Select(s => s.Name).ToArrayAsync()));
        var cadence = await app.WithDbAsync(db => db.CadenceSettings.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(AccountabilityBot.Core.Domain.CadenceKinds.All, cadence.Select(c => c.Kind));
        var review = cadence[0];
        Assert.Equal(("mon", new TimeOnly(8, 0), "UTC"), (review.Days, review.LocalTime, review.TimeZone));
    }
}
