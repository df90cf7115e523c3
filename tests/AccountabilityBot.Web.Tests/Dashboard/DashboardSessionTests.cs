using System.Net;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>Sessions: their cookie, idle and absolute lifetimes, sign-out for good, and the member's current role.</summary>
[Collection(WebTests.Name)]
public sealed class DashboardSessionTests
{
    static BotApplication NewApp() => new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    [Theory]
    [InlineData(true, "__Host-abot-dashboard=", "secure")]
    [InlineData(false, "abot-dashboard=", null)]
    public async Task SessionCookie_IsHostPrefixedAndSecureOverHttps_HttpOnlyAndStrictAlways(bool https, string name, string? secure)
    {
        await using var app = NewApp();
        var link = await DashboardBrowser.AskForLinkAsync(app, "ana");
        using var browser = new DashboardBrowser(app, https);
        await browser.OpenAsync(link);
        var response = await browser.PostAsync("/dashboard/sign-in", new() { ["token"] = DashboardBrowser.TokenOf(link) });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("abot-dashboard="));
        Assert.StartsWith(name, cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        if (secure is null) Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        else Assert.Contains(secure, cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("https://localhost/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Session_IdleForThirtyMinutes_IsOver()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("http://localhost/dashboard")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var page = await browser.OpenAsync("http://localhost/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/sign-in", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Session_InUseForEightHours_IsOver()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        for (var spent = TimeSpan.Zero; spent < DashboardSessions.Lifetime - TimeSpan.FromMinutes(20); spent += TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("http://localhost/dashboard")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.OpenAsync("http://localhost/dashboard")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_EvenForTheCookieReplayed()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        var cookie = await CookieHeaderAsync(browser);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/dashboard/sign-out", withToken: false)).StatusCode);
        var signedOut = await browser.PostAsync("/dashboard/sign-out");
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Contains("signed out", browser.Html);

        using var replay = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Add("Cookie", cookie);
        var refused = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task Session_OnAnotherInstanceOfTheSameDatabase_StillHolds()
    {
        var folder = BotApplication.NewDataDirectory();
        string cookie;
        await using (var first = new BotApplication(folder, new FakeTimeProvider(BotApplication.Thursday)))
        {
            using var browser = await DashboardBrowser.SignedInAsync(first, "ana");
            cookie = await CookieHeaderAsync(browser);
            // Without a repository of its own the key ring would be in the home folder, which both instances here share.
            Assert.NotEmpty(await first.WithDbAsync(db => db.Set<DataProtectionKeyRow>().ToListAsync()));
        }
        // The key ring that encrypted the cookie is in the database, not in the first instance's memory or folder.
        await using var second = new BotApplication(folder, new FakeTimeProvider(BotApplication.Thursday));
        using var client = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Add("Cookie", cookie);
        var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Sign out", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RoleLowered_TakesEffectAtTheNextRequest()
    {
        await using var app = NewApp();
        await app.SayAsync("ana", "role @bob cco");
        using var bob = await DashboardBrowser.SignedInAsync(app, "bob");
        Assert.Contains("/dashboard/settings", bob.Html);
        Assert.Equal(HttpStatusCode.OK, (await bob.Client.GetAsync("/hangfire")).StatusCode);

        await app.SayAsync("ana", "role @bob executive");
        await bob.OpenAsync("http://localhost/dashboard");
        Assert.DoesNotContain("/dashboard/settings", bob.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync("/hangfire")).StatusCode);
    }

    /// <summary>The session cookie as the browser sends it, to replay it from elsewhere.</summary>
    static async Task<string> CookieHeaderAsync(DashboardBrowser browser)
    {
        var echo = await browser.OpenAsync("http://localhost/dashboard");
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        return Assert.Single(echo.RequestMessage!.Headers.GetValues("Cookie"));
    }
}
