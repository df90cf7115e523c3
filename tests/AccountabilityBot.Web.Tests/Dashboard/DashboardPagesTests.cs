using System.Net;
using System.Text.RegularExpressions;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// The read pages through the real host with the demo data (seeded on Thursday 26 Nov 2026): each answers a member signed
/// in through chat, shows the numbers the database holds (counted here independently, with plain queries), and filters
/// by its URL.
/// </summary>
[Collection(WebTests.Name)]
public sealed partial class DashboardPagesTests : IAsyncLifetime
{
    static readonly DateOnly Today = DateOnly.FromDateTime(BotApplication.Thursday.UtcDateTime);
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
        new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
    DashboardBrowser browser = null!;

    // A frontline member: every read page is for any signed-in member, not only leaders.
    public async Task InitializeAsync() => browser = await DashboardBrowser.SignedInAsync(app, "jo");

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await app.DisposeAsync();
    }

    async Task<string> PageAsync(string url)
    {
        var response = await browser.OpenAsync("http://localhost" + url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Razor writes characters outside ASCII (the minus sign, the dash) as entities.
        return WebUtility.HtmlDecode(browser.Html);
    }

    Task<int> CountAsync(CustomerEventKind kind, DateOnly from, DateOnly to) =>
        app.WithDbAsync(db => db.CustomerEvents.CountAsync(e => e.Kind == kind && e.OccurredOn >= from && e.OccurredOn <= to));

    [Fact]
    public async Task Pages_SignedOut_AreSentToSignIn()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var page in new[] { "customers", "commitments", "decisions", "follow-through", "stop-list", "reliability", "frontline", "frontline/patterns" })
        {
            var response = await anonymous.GetAsync($"/dashboard/{page}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task Pages_SignedIn_AnswerWithoutScriptOrInlineStyle()
    {
        foreach (var page in new[] { "customers", "commitments", "decisions", "follow-through", "stop-list", "reliability", "frontline", "frontline/patterns" })
        {
            var html = await PageAsync($"/dashboard/{page}");
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, Regex.Count(html, "<h1>"));
        }
    }

    [Fact]
    public async Task Customers_Quarter_TheJarHoldsTheDatabasesCounts()
    {
        var quarter = new DateOnly(2026, 10, 1);
        var (won, lost) = (await CountAsync(CustomerEventKind.Won, quarter, Today), await CountAsync(CustomerEventKind.Lost, quarter, Today));
        Assert.True(won > 0 && lost > 0 && won <= 100 && lost <= 100, $"demo quarter: {won} won, {lost} lost");
        var html = await PageAsync("/dashboard/customers?period=quarter");
        Assert.Contains($"<td class=\"won\">{won}</td>", html);
        Assert.Contains($"<td class=\"lost\">{lost}</td>", html);
        Assert.Contains($"The marble jar: {won} won, {lost} lost.", html);
        Assert.Equal(won, Regex.Count(html, "class=\"marble won\""));
        Assert.Equal(lost, Regex.Count(html, "class=\"marble lost\""));
        var net = won - lost;
        Assert.Contains($"<th scope=\"row\">Net (won − lost)</th><td>{(net > 0 ? "+" : net < 0 ? "−" : "")}{Math.Abs(net)}</td>", html);
        Assert.Equal(12, Regex.Count(html, "class=\"bar won\""));
        Assert.Contains("Lost-customer stories", html);
    }

    [Fact]
    public async Task Customers_RangeInTheUrl_CountsOnlyThoseDays()
    {
        var (from, to) = (Today.AddDays(-20), Today.AddDays(-10));
        var won = await CountAsync(CustomerEventKind.Won, from, to);
        var html = await PageAsync($"/dashboard/customers?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Contains($"<td class=\"won\">{won}</td>", html);
        Assert.Contains($"value=\"{from:yyyy-MM-dd}\"", html);
        var backwards = await PageAsync($"/dashboard/customers?from={to:yyyy-MM-dd}&to={from:yyyy-MM-dd}");
        Assert.Contains("The range ends before it starts", backwards);
    }

    [Fact]
    public async Task Commitments_Open_EscalatedFirstAndTheOwnerFilterInTheUrlFilters()
    {
        var html = await PageAsync("/dashboard/commitments");
        var titles = Titles(html);
        Assert.Equal(7, titles.Count); // the demo's eight, less the one done
        Assert.Equal("Publish delivery windows on the order page", titles[0]); // 12 days late: escalated
        Assert.Contains("Escalated: ", html);

        var tom = await app.WithDbAsync(db => db.Members.Where(m => m.PlatformUserId == "tom").Select(m => m.Id).SingleAsync());
        var toms = Titles(await PageAsync($"/dashboard/commitments?owner={tom}"));
        Assert.Equal(["Send account owners a weekly list of failed payments", "Add a duplicate check to the monthly billing run"], toms);

        Assert.Equal(["Call the owner before any price change at renewal"], Titles(await PageAsync("/dashboard/commitments?status=done")));
        var overdue = Titles(await PageAsync("/dashboard/commitments?status=overdue"));
        Assert.Equal(3, overdue.Count);
    }

    [Fact]
    public async Task Commitments_OwnerAway_ShownBesideTheOwner_AndNotEscalated_AsTheReviewShowsIt()
    {
        const string Flag = "<strong class=\"flag\">Escalated: </strong>";
        Assert.Contains(Flag, await PageAsync("/dashboard/commitments"));
        await app.SayAsync("maria", "me away until:dec 10");

        var html = await PageAsync("/dashboard/commitments");
        var card = html[html.IndexOf("Publish delivery windows on the order page</h3>", StringComparison.Ordinal)..];
        card = Regex.Replace(card[..card.IndexOf("</li>", StringComparison.Ordinal)], @"\s+", " ");
        Assert.Contains("Maria Chen</a> (<strong class=\"away\">owner away until Thu 10 Dec 2026</strong>)", card);
        Assert.DoesNotContain(Flag, html);
        Assert.Empty(Titles(await PageAsync("/dashboard/commitments?status=escalated")));
        Assert.Contains("@Maria Chen · owner away until Thu 10 Dec 2026", (await app.SayAsync("ana", "review")).Text);
    }

    [Fact]
    public async Task RecordsPromptedByATouchpointOrAPattern_LinkToThem_ByName()
    {
        var (touchpoint, pattern) = await app.WithDbAsync(async db => (await db.Touchpoints.OrderBy(t => t.Id).FirstAsync(),
            await db.FrontlinePatterns.Include(p => p.Stage).SingleAsync()));
        Assert.Contains("Recorded", (await app.SayAsync("maria", $"commit Fix the first replies due:friday re:T-{touchpoint.Id}")).Text);
        Assert.Contains("Recorded", (await app.SayAsync("maria", $"decide Change carriers for clinics re:F-{pattern.Id}")).Text);

        Assert.Matches($@"prompted by\s*<a class=""record"" href=""/dashboard/reliability#T-{touchpoint.Id}"">T-{touchpoint.Id} {touchpoint.Name}</a>",
            await PageAsync("/dashboard/commitments"));
        var link = $"<a class=\"record\" href=\"/dashboard/frontline/patterns#F-{pattern.Id}\">F-{pattern.Id} “{pattern.Name}” at {pattern.Stage!.Name}</a>";
        Assert.Contains(link, await PageAsync("/dashboard/decisions"));
        Assert.Matches($@"F-{pattern.Id} “{pattern.Name}” at Delivery</h3>(.|\n)*Led to(.|\n)*D-\d+ Change carriers for clinics",
            await PageAsync("/dashboard/frontline/patterns"));
    }

    [Fact]
    public async Task Commitments_History_ShowsEachUpdate()
    {
        var html = await PageAsync("/dashboard/commitments?status=blocked");
        Assert.Contains("Blocked: waiting on the phone system vendor for API access.", html);
        Assert.Contains("History: 2 updates", html);
    }

    [Fact]
    public async Task Decisions_ListsEveryDecisionWithItsPrompt()
    {
        var html = await PageAsync("/dashboard/decisions");
        var decisions = await app.WithDbAsync(db => db.Decisions.Select(d => new { d.Id, d.Text, d.PromptedBy }).ToListAsync());
        Assert.Equal(6, decisions.Count);
        foreach (var d in decisions) Assert.Contains($"<th scope=\"row\">D-{d.Id} {d.Text}</th>", html);
        var trainer = decisions.Single(d => d.Text.StartsWith("Onboarding gets", StringComparison.Ordinal));
        Assert.Contains($"{trainer.PromptedBy} Why ", html);
    }

    [Fact]
    public async Task StopList_SectionsCountTheDemosItems()
    {
        var html = await PageAsync("/dashboard/stop-list");
        Assert.Contains("Due for review (1)</h2>", html);
        Assert.Contains("Proposed (2)</h2>", html);
        Assert.Contains("Agreed (1)</h2>", html);
        Assert.Contains("Closed (1)</h2>", html);
        Assert.Contains("Shipping partial orders without telling the customer", html);
        // The due item is cited by the decision it led to.
        Assert.Matches(@"Cited by\s*<a class=""record"" href=""/dashboard/decisions#D-\d+"">D-\d+ Call the clinic the day before", html);
    }

    [Fact]
    public async Task Reliability_ListsTheDemosTouchpoints_WorstFirst_WithTheirLatestValueAndOwner()
    {
        var latest = await app.WithDbAsync(async db =>
        {
            var reply = await db.Touchpoints.SingleAsync(t => t.Name == "First reply within 4 hours");
            return await db.TouchpointValues.Where(v => v.TouchpointId == reply.Id).OrderByDescending(v => v.On)
                .Select(v => new { v.On, v.Value }).FirstAsync();
        });
        var html = await PageAsync("/dashboard/reliability");
        var rows = ReliabilityRow().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["First reply within 4 hours", "Orders delivered on the promised day", "Onboarding call within 2 days"], rows);
        Assert.Contains($"<td>{latest.Value:0.##} hours on {Format.Date(latest.On)}</td>", html);
        Assert.Contains("<td>past its threshold</td>", html);
        Assert.Contains("<td>heading past it within 14 days</td>", html);
        Assert.Contains("<td>within it</td>", html);
        Assert.Contains("Maria", html);
    }

    [Fact]
    public async Task Frontline_CountsTheTwelveWeeksResolutions()
    {
        var since = new DateTimeOffset(Today.AddDays(-83).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcDateTime;
        var count = await app.WithDbAsync(db => db.Resolutions.CountAsync(r => r.At >= since));
        Assert.True(count > 0);
        var html = await PageAsync("/dashboard/frontline");
        Assert.Contains($"{Format.Count(count, "issue")}, costing", html);
        Assert.Contains("<h2 id=\"thanks\">Thank you</h2>", html);
    }

    static List<string> Titles(string html) =>
        [.. CardTitle().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex(@"<th scope=""row"">T-\d+ ([^<]+)</th>")]
    private static partial Regex ReliabilityRow();

    [GeneratedRegex(@"<h3>C-\d+ ([^<]+)</h3>")]
    private static partial Regex CardTitle();
}
