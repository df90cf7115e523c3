using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>
/// Prometheus scrapes the bot's metrics on an address of its own (Metrics:Url), never through the bot's public one;
/// without the setting nothing is served. The real process, so the ports are real.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class MetricsExportTests
{
    [Fact]
    public async Task Metrics_WithMetricsUrl_CountCommandsByOutcome_OnTheirOwnPortOnly()
    {
        var metrics = new Uri($"http://127.0.0.1:{BotProcess.FreePort()}");
        var dashboard = new Uri($"http://127.0.0.1:{BotProcess.FreePort()}");
        using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = BotApplication.NewDataDirectory(),
            ["Metrics:Url"] = metrics.ToString(),
            ["Jobs:DashboardUrl"] = dashboard.ToString(), // two private addresses side by side
        });

        await SayAsync(bot, "help");
        await SayAsync(bot, "commit"); // refused: no title
        using var scraper = new HttpClient { BaseAddress = metrics };
        var text = await scraper.GetStringAsync("/metrics");

        Assert.Matches("""accountabilitybot_commands_total\{[^}]*outcome="done"[^}]*platform="local"[^}]*\} [1-9]""", text);
        Assert.Matches("""accountabilitybot_commands_total\{[^}]*outcome="refused"[^}]*\} 1""", text);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync("/metrics")).StatusCode);

        // A post through the outbox: counted as sent, with how long it waited.
        await SayAsync(bot, "channel leadership");
        await SayAsync(bot, "cadence review send");
        const string Sent = """accountabilitybot_posts_total\{[^}]*platform="local"[^}]*result="sent"[^}]*\} [1-9]""";
        const string Lag = """accountabilitybot_outbox_lag_seconds_count\{[^}]*platform="local"[^}]*\} [1-9]""";
        // The two are recorded one after the other, so a scrape can come between them.
        text = await Eventually.Async(async () => await scraper.GetStringAsync("/metrics") is var scraped
            && Regex.IsMatch(scraped, Sent) && Regex.IsMatch(scraped, Lag) ? scraped : null, what: "the sent post and its lag in /metrics");
        Assert.Matches(Sent, text);
        Assert.Matches(Lag, text);
        using var jobs = new HttpClient { BaseAddress = dashboard };
        Assert.Equal(HttpStatusCode.OK, (await jobs.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jobs.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_WithoutMetricsUrl_AreNotServed()
    {
        using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Database:DataDirectory"] = BotApplication.NewDataDirectory() });
        await SayAsync(bot, "help");
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "Metrics:Url must use a port of its own")]
    [InlineData("not an address", "Metrics:Url must be an address with a port of its own")]
    public async Task MetricsUrl_OnTheBotsPortOrUnreadable_RefusesToStart(string url, string problem)
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["urls"] = "http://*:8080", ["Metrics:Url"] = url });
        var error = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.Contains(error.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    static async Task SayAsync(BotProcess bot, string text)
    {
        var response = await bot.Client.PostAsJsonAsync("/local/messages", new { user = "ana", channel = "leadership", text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
