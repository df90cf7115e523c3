using System.Net;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>The daily tidy: sessions and sign-in links that can no longer sign anyone in are forgotten, no others.</summary>
[Collection(WebTests.Name)]
public sealed class DashboardTidyTests
{
    [Fact]
    public async Task Tidy_ForgetsEndedAndIdleSessions_AndLinksADayPastExpiry_AndKeepsWhatStillWorks()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));
        using var idle = await DashboardBrowser.SignedInAsync(app, "ana");
        using var signedOut = await DashboardBrowser.SignedInAsync(app, "maria");
        Assert.Equal(HttpStatusCode.OK, (await signedOut.PostAsync("/dashboard/sign-out")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var live = await DashboardBrowser.SignedInAsync(app, "ana");
        var unused = await DashboardBrowser.AskForLinkAsync(app, "ana");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var ana = await db.Members.SingleAsync(m => m.PlatformUserId == "ana");
            foreach (var (hash, made) in new[] { ('a', now.AddDays(-2)), ('b', now.AddHours(-20)) })
                db.Add(new DashboardSignIn { TokenHash = new string(hash, 64), MemberId = ana.Id, CreatedAt = made, ExpiresAt = made.AddMinutes(10) });
            return await db.SaveChangesAsync();
        });
        var linksBefore = await app.WithDbAsync(db => db.Set<DashboardSignIn>().CountAsync());

        var forgotten = await app.WithScopeAsync(s => s.GetRequiredService<DashboardTidy>().RunAsync(CancellationToken.None));

        Assert.Equal(3, forgotten); // the idle and the signed-out session; the link expired two days ago
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<DashboardSession>().CountAsync()));
        Assert.Equal(linksBefore - 1, await app.WithDbAsync(db => db.Set<DashboardSignIn>().CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await live.OpenAsync("http://localhost/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await idle.OpenAsync("http://localhost/dashboard")).StatusCode);
        using var other = new DashboardBrowser(app);
        await other.OpenAsync(unused);
        Assert.Contains("Sign in as", other.Html);
    }
}
