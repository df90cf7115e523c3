using System.Net;
using System.Text.Json;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>The dashboard's headers, the job dashboard for the CCO alone, writes through the engine, and the link's secrecy.</summary>
[Collection(WebTests.Name)]
public sealed class DashboardSecurityTests
{
    static BotApplication NewApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), settings, services);

    [Theory]
    [InlineData("/dashboard/sign-in")]
    [InlineData("/dashboard")]
    [InlineData("/hangfire")]
    public async Task Pages_CarryTheSecurityHeaders_AndHstsOverHttps(string path)
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana", https: true);
        var response = await browser.OpenAsync("https://localhost" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        using var plain = new DashboardBrowser(app);
        Assert.False((await plain.OpenAsync("http://localhost/dashboard/sign-in")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task JobDashboard_IsTheCcosAlone()
    {
        await using var app = NewApp();
        await app.SayAsync("ana", "role @eve executive");
        await app.SayAsync("fred", "resolved refund for Acme");
        using var cco = await DashboardBrowser.SignedInAsync(app, "ana");
        using var executive = await DashboardBrowser.SignedInAsync(app, "eve");
        using var frontline = await DashboardBrowser.SignedInAsync(app, "fred");
        using var anonymous = new DashboardBrowser(app);

        var jobs = await cco.OpenAsync("http://localhost/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("AccountabilityBot jobs", cco.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.OpenAsync("http://localhost/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontline.OpenAsync("http://localhost/hangfire/recurring")).StatusCode);
        var refused = await anonymous.OpenAsync("http://localhost/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/dashboard/sign-in", refused.Headers.Location?.OriginalString);
        Assert.DoesNotContain("AccountabilityBot jobs", anonymous.Html + executive.Html + frontline.Html);
    }

    [Fact]
    public async Task JobDashboard_ButtonWithoutTheAntiforgeryToken_IsRefused()
    {
        await using var app = NewApp();
        using var cco = await DashboardBrowser.SignedInAsync(app, "ana");
        var trigger = await cco.Client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "cadence-review")]));
        Assert.NotEqual(HttpStatusCode.NoContent, trigger.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, trigger.StatusCode);
    }

    [Fact]
    public async Task WebCommand_ByTheCco_IsRecordedWithTheAuditSayingWeb_AndAnExecutiveGetsTheChatsRefusal()
    {
        await using var app = NewApp();
        await app.SayAsync("ana", "role @eve executive");
        var commands = app.Services.GetRequiredService<DashboardCommands>();

        var done = await commands.RunAsync(await UserAsync(app, "ana"), "cadence review tue 09:30 Europe/Paris");
        Assert.Null(done.Refusal);
        var refused = await commands.RunAsync(await UserAsync(app, "eve"), "cadence review wed 10:00");
        var chat = await app.SayAsync("eve", "cadence review wed 10:00");

        Assert.StartsWith("Only", refused.Refusal);
        Assert.Contains(refused.Refusal!, chat.Text);
        var audit = await app.WithDbAsync(db => db.AuditTrail.Where(a => a.Action.StartsWith("cadence")).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, entry => Assert.Equal(DashboardCommands.Via, entry.Via));
        var review = await app.WithDbAsync(db => db.CadenceSettings.SingleAsync(c => c.Kind == "review"));
        Assert.Equal((new TimeOnly(9, 30), "Europe/Paris"), (review.LocalTime, review.TimeZone));
        var chatAudit = await app.WithDbAsync(db => db.AuditTrail.Where(a => a.Action == "member.role").ToListAsync());
        Assert.All(chatAudit, entry => Assert.Null(entry.Via));
    }

    [Fact]
    public async Task SignInToken_IsInNoLog_NoStoredReply_AndNoTranscript()
    {
        var logs = new LogCapture();
        await using var app = NewApp(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        var link = await DashboardBrowser.AskForLinkAsync(app, "ana");
        var token = DashboardBrowser.TokenOf(link);
        using var browser = new DashboardBrowser(app);
        await browser.SignInAsync(link);

        Assert.Contains("Trace", logs.Text); // the capture really ran at every level
        Assert.Contains("Microsoft.AspNetCore.Authentication", logs.Text); // the sign-in itself was logged
        var leaks = logs.Lines.Where(line => line.Contains(token, StringComparison.Ordinal)).Select(line => line.Replace(token, "TOKEN")).ToList();
        Assert.True(leaks.Count == 0, "The token is in the log: " + string.Join('\n', leaks));
        var stored = await app.WithDbAsync(async db => string.Join('\n',
            (await db.ReceivedCommands.Select(r => r.ReplyJson ?? "").ToListAsync())
            .Concat(await db.OutboundMessages.Select(o => o.MessageJson).ToListAsync())));
        Assert.Contains("shown here once", stored);
        Assert.DoesNotContain(token, stored);
        Assert.DoesNotContain(token, JsonSerializer.Serialize(await app.TranscriptAsync("leadership")));
        Assert.DoesNotContain(token, JsonSerializer.Serialize(await app.WithDbAsync(db => db.AuditTrail.ToListAsync())));
    }

    /// <summary>A signed-in member as the pages see them: the claims a session carries.</summary>
    static async Task<System.Security.Claims.ClaimsPrincipal> UserAsync(BotApplication app, string name)
    {
        var member = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == name));
        return new(new System.Security.Claims.ClaimsIdentity(
        [
            new(DashboardPolicies.MemberIdClaim, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(DashboardPolicies.PlatformClaim, nameof(ChatPlatform.Local)),
            new(DashboardPolicies.PlatformUserIdClaim, member.PlatformUserId),
        ], DashboardAuthentication.Scheme));
    }
}
