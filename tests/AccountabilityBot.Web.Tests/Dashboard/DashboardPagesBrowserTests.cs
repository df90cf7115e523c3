using System.Text.RegularExpressions;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// Every dashboard page in chromium with the demo data, signed in as the demo's CCO: nothing fetched from elsewhere, no
/// script or CSP error, no serious or critical axe violation, every control reachable by Tab, and a full-page screenshot.
/// </summary>
[Collection(WebTests.Name)]
public sealed partial class DashboardPagesBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    Task<BrowserPage> SignedInAsync() => BrowserSignIn.SignedInAsync(demo, browser, output, "ana");

    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [BrowserTheory]
    [InlineData("/dashboard", "^Dashboard$", "dashboard-overview")]
    [InlineData("/dashboard/customers", "^Customers: ", "dashboard-customers")]
    [InlineData("/dashboard/commitments", "^Commitments$", "dashboard-commitments")]
    [InlineData("/dashboard/decisions", "^Decisions$", "dashboard-decisions")]
    [InlineData("/dashboard/follow-through", "^Follow-through$", "dashboard-follow-through")]
    [InlineData("/dashboard/stop-list", "^Stop list$", "dashboard-stop-list")]
    [InlineData("/dashboard/reliability", "^Reliability$", "dashboard-reliability")]
    [InlineData("/dashboard/frontline", "^Frontline$", "dashboard-frontline")]
    [InlineData("/dashboard/frontline/patterns", "^Frontline patterns$", "dashboard-patterns")]
    public async Task Page_WithTheDemoData_IsSelfContained_Accessible_AndReachableByKeyboard(string path, string heading, string screenshot)
    {
        await using var page = await SignedInAsync();
        var response = await page.GoToAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(Heading(page.Page)).ToHaveTextAsync(new Regex(heading));
        await page.ScreenshotAsync(screenshot);

        // The stylesheet applied: a page whose CSS was refused would show the browser's own serif and blue links.
        Assert.Equal("-9999px", await page.Page.Locator(".skip-link").EvaluateAsync<string>("e => getComputedStyle(e).left"));
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.Errors);
        await page.AssertAccessibleAsync();
        var walk = await page.WalkByKeyboardAsync();
        output.WriteLine("Tab order: " + string.Join(" → ", walk.Order));
        Assert.Empty(walk.Unreached);
        Assert.Equal("a 'Skip to content'", walk.Order[0]);
    }

    [BrowserFact]
    public async Task Customers_PeriodChange_ShowsTheMonth_WithTheJarAndTrendAsText()
    {
        await using var page = await SignedInAsync();
        await page.GoToAsync("/dashboard/customers");
        // The top of the page (the jar, its numbers, the trend) as the README shows it (docs/dashboard-customers.png).
        await page.Page.ScreenshotAsync(new()
        {
            Path = Screenshots.PathFor("dashboard-customers-top"),
            Clip = new() { Width = 1280, Height = 1000 },
        });
        await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Period" }).GetByRole(AriaRole.Link, new() { Name = "This month" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/dashboard/customers\?period=month$"));
        await Expect(Heading(page.Page)).ToHaveTextAsync(new Regex("^Customers: .*month", RegexOptions.IgnoreCase));
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "This month" })).ToHaveAttributeAsync("aria-current", "page");

        // The jar's picture is named by its numbers, the same as the table's.
        var won = await page.Page.Locator("table.numbers td.won").First.InnerTextAsync();
        var lost = await page.Page.Locator("table.numbers td.lost").First.InnerTextAsync();
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { Name = "The marble jar" })).ToHaveAccessibleNameAsync(
            new Regex($"^The marble jar: {Regex.Escape(won)} won, {Regex.Escape(lost)} lost\\."));
        // The trend's bars are hidden from screen readers; the table under them has a row for each week drawn.
        var weeks = await page.Page.Locator("svg.trend rect.bar.won").CountAsync();
        Assert.True(weeks > 0);
        await Expect(page.Page.Locator("svg.trend")).ToHaveAttributeAsync("aria-hidden", "true");
        var table = page.Page.GetByRole(AriaRole.Table, new() { Name = "Customers won and lost each week" });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(weeks);
        await page.ScreenshotAsync("dashboard-customers-month");
        Assert.Empty(page.Errors);
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task Commitments_FilteredThroughTheForm_PutTheFilterInTheUrl_ThatShowsTheSameInAnotherBrowser()
    {
        await using var page = await SignedInAsync();
        await page.GoToAsync("/dashboard/commitments");
        var owner = page.Page.GetByLabel("Owner");
        var ownerName = await owner.Locator("option").Nth(1).InnerTextAsync();
        await owner.SelectOptionAsync(new SelectOptionValue { Label = ownerName });
        await page.Page.GetByLabel("Status").SelectOptionAsync("all");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/dashboard/commitments\?owner=\d+&stage=&status=all$"));
        var list = page.Page.Locator("#list");
        var title = await list.InnerTextAsync();
        var cards = await page.Page.Locator("ol.board > li").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)");
        Assert.NotEmpty(cards);
        Assert.All(await page.Page.Locator("ol.board > li").AllInnerTextsAsync(), card => Assert.Contains("Owner " + ownerName, card));
        await page.ScreenshotAsync("dashboard-commitments-filtered");

        await using var shared = await SignedInAsync();
        await shared.GoToAsync(page.Page.Url);
        await Expect(shared.Page.Locator("#list")).ToHaveTextAsync(title);
        Assert.Equal(cards, await shared.Page.Locator("ol.board > li").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)"));
        await Expect(shared.Page.GetByLabel("Owner")).ToHaveValueAsync(new Regex(@"^\d+$"));
        Assert.Equal(ownerName, await shared.Page.GetByLabel("Owner").EvaluateAsync<string>("s => s.selectedOptions[0].textContent"));
        await Expect(shared.Page.GetByLabel("Status")).ToHaveValueAsync("all");
        Assert.Empty(page.Errors.Concat(shared.Errors));
    }

    [BrowserFact]
    public async Task Patterns_TheDemosPattern_ReachedFromFrontline_IsOpenWithItsEvidence_AndTheCcosForms()
    {
        await using var page = await SignedInAsync();
        await page.GoToAsync("/dashboard/frontline");
        await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Frontline" }).GetByRole(AriaRole.Link, new() { Name = "Patterns" }).ClickAsync();

        await Expect(Heading(page.Page)).ToHaveTextAsync("Frontline patterns");
        var pattern = page.Page.GetByRole(AriaRole.Article, new() { NameRegex = new("^F-\\d+ “.+” at Delivery$") });
        await Expect(pattern).ToContainTextAsync(
            new Regex(@"6 fixes at Delivery in .+ share the words “[a-z]+”, “[a-z]+”, “[a-z]+”, costing \$\d+ together\."));
        var fixes = pattern.GetByRole(AriaRole.Table, new() { NameRegex = new("^The latest fixes of F-") });
        await Expect(fixes.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(fixes.Locator("tbody tr").First).ToContainTextAsync("wrong address");
        await Expect(pattern.GetByRole(AriaRole.Button, new() { NameRegex = new("^Propose as a stop") })).ToBeVisibleAsync();
        await Expect(pattern.GetByRole(AriaRole.Button, new() { NameRegex = new("^Dismiss F-") })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Form, new() { Name = "Change the threshold" }).GetByLabel("Fixes")).ToHaveValueAsync("5");
        Assert.Empty(page.Errors);
    }

    [BrowserFact]
    public async Task FollowThrough_TheDemoSharesIt_SoTheCcoSeesEveryLeaderByName_AndCanStopSharing()
    {
        await using var page = await SignedInAsync();
        await page.GoToAsync("/dashboard/follow-through");

        var table = page.Page.GetByRole(AriaRole.Table, new() { NameRegex = new(@"^Follow-through, Q\d \d{4} so far$") });
        var leaders = table.Locator("tbody th[scope=row]");
        await Expect(leaders).ToHaveCountAsync(6); // the CCO and the five executives
        var names = await leaders.AllInnerTextsAsync();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        await Expect(page.Page.GetByText("Shared by the CCO with the leadership team")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Stop sharing everyone's follow-through" })).ToBeVisibleAsync();
        Assert.Empty(page.Errors);
    }

    /// <summary>
    /// The pages' forms carry an antiforgery token (sign-out), which makes the response uncacheable; the security
    /// headers say so in the same words, so antiforgery has nothing to override and nothing to warn about.
    /// </summary>
    [BrowserFact]
    public async Task EveryPage_LogsNoAntiforgeryWarning_AndIsNotCached()
    {
        await using var page = await SignedInAsync();
        string[] pages = ["/dashboard", "/dashboard/customers", "/dashboard/commitments", "/dashboard/decisions", "/dashboard/follow-through",
            "/dashboard/stop-list", "/dashboard/reliability", "/dashboard/frontline", "/dashboard/frontline/patterns"];
        foreach (var path in pages)
        {
            var response = await page.GoToAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.Equal("no-cache, no-store", await response.HeaderValueAsync("cache-control"));
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, await response.HeaderValueAsync("content-security-policy"));
            await Expect(page.Page.Locator("form.sign-out input[name=__RequestVerificationToken]")).ToHaveCountAsync(1);
        }
        Assert.NotEmpty(demo.Logs.Lines); // the capture is live at the host's levels (warnings included)
        Assert.DoesNotContain(demo.Logs.Lines, line => line.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain(demo.Logs.Lines, line => line.Contains("Cache-Control", StringComparison.Ordinal));
    }
}
