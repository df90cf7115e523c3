using System.Net;
using System.Text.RegularExpressions;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// The Patterns page through the real host, on fixes counted by hand (Thursday 26 Nov 2026): six at Delivery sharing
/// "replacement", "missed" and "delivery", by fran and jo in turn, costing $10, $20 … $60, raised as F-1 by the daily
/// search. Leadership's answers from the page are the chat's commands, run by the engine as the member (audit "web").
/// </summary>
[Collection(WebTests.Name)]
public sealed class DashboardPatternsTests : IAsyncLifetime
{
    const string Page = "http://localhost" + DashboardLinks.Patterns;
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "channel leadership", channel: "exec");
        await app.SayAsync("ana", "role @tom executive");
        for (var i = 0; i < 6; i++)
        {
            var who = i % 2 == 0 ? "fran" : "jo";
            var fix = $"resolved \"{PatternWatchTests.MissedDeliveries[i]}\" stage:Delivery cost:{10 * (i + 1)}";
            var reply = await app.SayAsync(who, fix, channel: "frontline");
            Assert.Contains("Logged", reply.Text);
        }
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Patterns, CancellationToken.None)));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<string> OpenAsync(DashboardBrowser browser)
    {
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync(Page)).StatusCode);
        return WebUtility.HtmlDecode(browser.Html);
    }

    async Task<string> PostAsync(DashboardBrowser browser, string handler, Dictionary<string, string> fields)
    {
        var posted = await browser.PostAsync($"{DashboardLinks.Patterns}?handler={handler}", fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return await OpenAsync(browser);
    }

    [Fact]
    public async Task OpenPattern_ShowsTheEvidence_InTheWordsOfItsPost()
    {
        var post = (await app.TranscriptAsync("exec")).Single(i => i.Text.Contains("Frontline pattern: F-1")).Text;
        using var tom = await DashboardBrowser.SignedInAsync(app, "tom");
        var html = await OpenAsync(tom);

        Assert.Contains("<h2 id=\"open\">Open (1)</h2>", html);
        Assert.Contains("<h3 id=\"F-1-title\">F-1 “replacement missed delivery” at Delivery</h3>", html);
        const string Words = "share the words “replacement”, “missed”, “delivery”, costing $210 together.";
        Assert.Contains("6 fixes at Delivery in the last 14 days " + Words, post);
        Assert.Contains("<p>6 fixes at Delivery on Thu 26 Nov 2026 " + Words + "</p>", html);
        // The post's three examples, the latest first, with who fixed them, when and at what cost; then everyone who did.
        foreach (var (id, who, cost) in new[] { (6, "jo", "$60"), (5, "fran", "$50"), (4, "jo", "$40") })
        {
            Assert.Contains($"R-{id} ", post);
            Assert.Matches($@"<th scope=""row"">R-{id}</th>\s*<td>{Regex.Escape(PatternWatchTests.MissedDeliveries[id - 1])}</td>\s*<td>{who}</td>\s*"
                + $@"<td>Thu 26 Nov 2026</td>\s*<td>\{cost}</td>", html);
        }
        Assert.DoesNotContain("<th scope=\"row\">R-3</th>", html);
        Assert.Contains("Fixed by @fran (3), @jo (3)", post);
        Assert.Contains("<dd>fran (3), jo (3)</dd>", html);
        Assert.Contains("first on Thu 26 Nov 2026", html);
        Assert.Contains("5 or more in 14 days (the CCO's threshold)", html);
        // An executive may propose a stop or dismiss; setting the threshold is the CCO's.
        Assert.Contains("Propose as a stop (F-1)", html);
        Assert.Contains("Dismiss F-1", html);
        Assert.DoesNotContain("Set the threshold", html);
    }

    [Fact]
    public async Task Executive_Dismisses_WithAReason_ThroughTheEngine_AndThePatternShowsUntilWhenItIsQuiet()
    {
        using var tom = await DashboardBrowser.SignedInAsync(app, "tom");
        await OpenAsync(tom);

        var html = await PostAsync(tom, "Dismiss", new() { ["pattern"] = "1", ["reason"] = "Carrier strike in November; it is over" });

        Assert.Contains("role=\"status\"", html);
        Assert.Contains("Dismissed pattern F-1", html);
        Assert.Contains("pattern dismiss F-1 \"Carrier strike in November; it is over\"", html);
        Assert.Contains("<h2 id=\"open\">Open (0)</h2>", html);
        Assert.Matches(@"<tr id=""F-1"">\s*<th scope=""row"">F-1 “replacement missed delivery” at Delivery</th>\s*<td>6 fixes[^<]+</td>\s*"
            + @"<td>tom</td>\s*<td>Carrier strike in November; it is over</td>\s*<td>until Wed 24 Feb 2027</td>", html);
        var pattern = await app.WithDbAsync(db => db.FrontlinePatterns.SingleAsync());
        Assert.Equal((PatternStatus.Dismissed, "Carrier strike in November; it is over"), (pattern.Status, pattern.DismissedReason));
        var audit = await app.WithDbAsync(db => db.AuditTrail.SingleAsync(a => a.Action == "pattern.dismissed"));
        Assert.Equal((DashboardCommands.Via, "F-1"), (audit.Via, audit.Subject));
    }

    [Fact]
    public async Task ProposedAsAStop_IsLinkedBothWays_BetweenThePatternAndTheStopList()
    {
        using var tom = await DashboardBrowser.SignedInAsync(app, "tom");
        await OpenAsync(tom);

        var html = await PostAsync(tom, "Propose", new() { ["pattern"] = "1", ["title"] = "Booking couriers without a delivery window" });

        Assert.Contains("Proposed stop S-1", html);
        Assert.Contains("stop propose \"Booking couriers without a delivery window\" re:F-1", html);
        Assert.Contains("<h2 id=\"proposed\">Proposed as stops (1)</h2>", html);
        Assert.Contains("<a class=\"record\" href=\"/dashboard/stop-list#S-1\">S-1 Booking couriers without a delivery window</a>", html);
        Assert.Equal(1, await app.WithDbAsync(db => db.StopItems.Where(s => s.Title == "Booking couriers without a delivery window")
            .Select(s => s.PatternId).SingleAsync()));

        await tom.OpenAsync("http://localhost/dashboard/stop-list");
        var stops = WebUtility.HtmlDecode(tom.Html);
        Assert.Matches(@"Cites\s*<a class=""record"" href=""/dashboard/frontline/patterns#F-1"">F-1 “replacement missed delivery” at Delivery</a>", stops);
    }

    [Fact]
    public async Task Frontline_IsOfferedWhatChatAllowsThem_AndRefusedWhereChatRefusesThem()
    {
        using var fran = await DashboardBrowser.SignedInAsync(app, "fran");
        var html = await OpenAsync(fran);
        Assert.Contains("Propose as a stop (F-1)", html); // `stop propose … re:F-1` is anyone's
        Assert.DoesNotContain("Dismiss F-1", html);
        Assert.DoesNotContain("Set the threshold", html);

        html = await PostAsync(fran, "Dismiss", new() { ["pattern"] = "1", ["reason"] = "Not a pattern" });
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Only executives and the CCO can do that; you are frontline.", html);
        html = await PostAsync(fran, "Threshold", new() { ["size"] = "3", ["window"] = "7", ["quiet"] = "30" });
        Assert.Contains("Only the CCO can do that; you are frontline.", html);

        Assert.Equal(PatternStatus.Raised, await app.WithDbAsync(db => db.FrontlinePatterns.Select(p => p.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.PatternRules.CountAsync()));
    }

    [Fact]
    public async Task Cco_SetsTheThreshold_AndThePageStatesTheRuleInForce()
    {
        using var ana = await DashboardBrowser.SignedInAsync(app, "ana");
        Assert.Contains("Set the threshold", await OpenAsync(ana));

        var html = await PostAsync(ana, "Threshold", new() { ["size"] = "6", ["window"] = "7", ["quiet"] = "30" });

        Assert.Contains("A frontline pattern is now 6 fixes in 7 days, quiet for 30 days once answered", html);
        Assert.Contains("6 or more in 7 days (the CCO's threshold)", html);
        Assert.Contains("it stays quiet for 30 days", html);
        var rule = await app.WithDbAsync(db => db.PatternRules.SingleAsync());
        Assert.Equal((6, 7, 30), (rule.Size, rule.WindowDays, rule.QuietDays));

        html = await PostAsync(ana, "Threshold", new() { ["size"] = "1", ["window"] = "7", ["quiet"] = "30" });
        Assert.Contains("A pattern needs between 2 and 1000 fixes; 1 won't do.", html);
    }
}
