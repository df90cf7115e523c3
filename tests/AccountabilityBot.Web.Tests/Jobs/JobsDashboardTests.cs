using System.Net;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// The job dashboard has no sign-in: who reaches it is decided by where it is served, never by the caller's address.
/// The real process answers on 127.0.0.1, the address a reverse proxy on the same host connects from.
/// </summary>
[Collection(WebTests.Name)]
public sealed class JobsDashboardTests
{
    [Fact]
    public async Task Dashboard_InProduction_IsNotFound_EvenFromThisMachineThroughAProxy()
    {
        using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Database:DataDirectory"] = BotApplication.NewDataDirectory() });

        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.SendAsync(Proxied(bot.BaseAddress, "/hangfire"))).StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithDashboardUrl_IsServedOnItsOwnPortOnly()
    {
        var dashboard = new Uri($"http://127.0.0.1:{BotProcess.FreePort()}");
        using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = BotApplication.NewDataDirectory(),
            ["Jobs:DashboardUrl"] = dashboard.ToString(),
        });

        using var direct = new HttpClient { BaseAddress = dashboard };
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync("/hangfire")).StatusCode);
        // A proxied request naming the dashboard's address in its Host header still arrived on the bot's port.
        var spoofed = Proxied(bot.BaseAddress, "/hangfire");
        spoofed.Headers.Host = dashboard.Authority;
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.SendAsync(spoofed)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_InDevelopment_IsServedOnTheBotsAddress()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["environment"] = "Development" });
        var response = await app.CreateClient().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AccountabilityBot jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DashboardUrl_OnThePortTheBotAnswersOn_RefusesToStart()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["urls"] = "http://*:8080", ["Jobs:DashboardUrl"] = "http://127.0.0.1:8080" });
        var error = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.StartsWith("Jobs:DashboardUrl must use a port of its own", Assert.Single(error.Problems));
    }

    static HttpRequestMessage Proxied(Uri bot, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(bot, path));
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }
}
