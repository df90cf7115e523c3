using System.Text.RegularExpressions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// The demo's frontline pattern answered from the Patterns page in chromium: an executive proposes it as a stop by
/// keyboard, and a frontline member who sends the dismissal anyway is refused by the engine, as in chat.
/// </summary>
[Collection(WebTests.Name)]
public sealed class DashboardPatternsBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    const string Page = "/dashboard/frontline/patterns";

    async Task<BrowserPage> OpenAsync(string member)
    {
        var page = await BrowserSignIn.SignedInAsync(demo, browser, output, member);
        await page.GoToAsync(Page);
        return page;
    }

    static ILocator DemoPattern(IPage page) => page.GetByRole(AriaRole.Article, new() { NameRegex = new("^F-\\d+ “.+” at Delivery$") });

    [BrowserFact]
    public async Task Executive_ProposesThePatternAsAStop_ByKeyboard_AndTheStopListLinksBackToIt()
    {
        await using var page = await OpenAsync("maria");
        var pattern = DemoPattern(page.Page);
        var reference = (await pattern.GetAttributeAsync("id"))!;
        await pattern.GetByLabel("What should the company stop doing?").FocusAsync();
        await page.Page.Keyboard.TypeAsync("Shipping with the carrier's unchecked address labels");
        await page.Page.Keyboard.PressAsync("Enter");

        var answer = page.Page.GetByRole(AriaRole.Status);
        await Expect(answer).ToContainTextAsync("Proposed stop S-");
        await Expect(answer).ToContainTextAsync($"from pattern {reference}");
        var proposed = page.Page.GetByRole(AriaRole.Table, new() { NameRegex = new("^Patterns leadership answered with a stop-list proposal") });
        var row = proposed.GetByRole(AriaRole.Row, new() { NameRegex = new($"^{reference} ") });
        await Expect(row).ToContainTextAsync("Shipping with the carrier's unchecked address labels");
        await Expect(DemoPattern(page.Page)).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("dashboard-patterns-proposed");

        var id = int.Parse(reference[2..], System.Globalization.CultureInfo.InvariantCulture);
        var stop = await demo.App.WithDbAsync(db => db.StopItems.SingleAsync(s => s.PatternId == id));
        Assert.Equal(("Shipping with the carrier's unchecked address labels", StopItemStatus.Proposed), (stop.Title, stop.Status));
        Assert.Equal(PatternStatus.StopProposed,
            await demo.App.WithDbAsync(db => db.FrontlinePatterns.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new("^S-\\d+ ") }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex($"/dashboard/stop-list#S-{stop.Id}$"));
        await Expect(page.Page.Locator($"#S-{stop.Id}").GetByRole(AriaRole.Link, new() { NameRegex = new($"^{reference} ") }))
            .ToHaveAttributeAsync("href", $"/dashboard/frontline/patterns#{reference}");
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.Errors);
    }

    [BrowserFact]
    public async Task Frontline_IsNotOfferedTheDismissal_AndIsRefusedByTheEngine_WhenTheySendItAnyway()
    {
        await using var page = await OpenAsync("jo");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Dismiss ") })).ToHaveCountAsync(0);
        await Expect(page.Page.GetByRole(AriaRole.Form, new() { Name = "Change the threshold" })).ToHaveCountAsync(0);
        var before = await demo.App.WithDbAsync(db => db.FrontlinePatterns.OrderBy(p => p.Id).Select(p => p.Status).ToListAsync());

        // The propose form turned into a dismissal in the browser itself, as someone editing the page would.
        var propose = page.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Propose as a stop") });
        var form = page.Page.Locator("form").Filter(new() { Has = propose }).First;
        await form.EvaluateAsync(
            "f => { f.action = f.action.replace('handler=Propose', 'handler=Dismiss'); f.querySelector('[name=title]').name = 'reason'; }");
        await form.GetByRole(AriaRole.Textbox).FillAsync("Not worth acting on");
        await form.GetByRole(AriaRole.Button).ClickAsync();

        var refusal = page.Page.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("Only executives and the CCO can do that; you are frontline.");
        await Expect(refusal).ToContainTextAsync("pattern dismiss F-");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("dashboard-patterns-frontline-refused");
        Assert.Equal(before, await demo.App.WithDbAsync(db => db.FrontlinePatterns.OrderBy(p => p.Id).Select(p => p.Status).ToListAsync()));
        Assert.Empty(page.Errors);
    }
}
