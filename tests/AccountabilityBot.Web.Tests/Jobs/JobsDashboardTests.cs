using System.Net;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// The job dashboard is behind the dashboard's sign-in, whoever asks and from wherever: the real process answers on
/// 127.0.0.1, the address a reverse proxy on the same host connects from, and that address opens nothing by itself.
/// (Who gets in once signed in: DashboardSecurityTests.)
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class JobsDashboardTests
{
    [Fact]
    public async Task Dashboard_FromThisMachineThroughAProxy_WithoutSignIn_IsSentToSignIn()
    {
        using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Database:DataDirectory"] = BotApplication.NewDataDirectory() });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };

        foreach (var response in new[] { await client.GetAsync("/hangfire"), await client.SendAsync(Proxied(bot.BaseAddress, "/hangfire")) })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/dashboard/sign-in", response.Headers.Location?.OriginalString);
            Assert.DoesNotContain("AccountabilityBot jobs", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Dashboard_OnTheOldDashboardUrl_IsBehindTheSameSignIn()
    {
        var dashboard = new Uri($"http://127.0.0.1:{BotProcess.FreePort()}");
        using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = BotApplication.NewDataDirectory(),
            ["Jobs:DashboardUrl"] = dashboard.ToString(),
        });

        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard };
        var response = await direct.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("AccountabilityBot jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_InDevelopment_StillNeedsTheSignIn()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["environment"] = "Development" });
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
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
