using AccountabilityBot.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// Who sees whose follow-through, in chromium on the demo (which shares it): an executive sees every leader while the
/// CCO shares it, and only their own once the CCO turns sharing off from the page.
/// </summary>
[Collection(WebTests.Name)]
public sealed class FollowThroughBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    async Task<BrowserPage> OpenAsync(string member)
    {
        var page = await BrowserSignIn.SignedInAsync(demo, browser, output, member);
        await page.GoToAsync("/dashboard/follow-through");
        return page;
    }

    static ILocator Leaders(IPage page) => page.GetByRole(AriaRole.Table).Locator("tbody th[scope=row]");

    [BrowserFact]
    public async Task Executive_SeesEveryoneWhileShared_AndOnlyTheirOwnOnceTheCcoStopsSharing_FromThePage()
    {
        await using var maria = await OpenAsync("maria");
        await Expect(Leaders(maria.Page)).ToHaveCountAsync(6);
        await Expect(maria.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("sharing|Share") })).ToHaveCountAsync(0);
        await maria.ScreenshotAsync("dashboard-follow-through-executive-shared");

        await using var ana = await OpenAsync("ana");
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Stop sharing everyone's follow-through" }).ClickAsync();
        await Expect(ana.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("No longer shared");
        await Expect(ana.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("scoreboard share off");
        await Expect(Leaders(ana.Page)).ToHaveCountAsync(6); // the CCO still sees everyone's
        await ana.AssertAccessibleAsync();

        await maria.Page.ReloadAsync();
        await Expect(Leaders(maria.Page)).ToHaveTextAsync(["Maria Chen"]);
        await Expect(maria.Page.GetByRole(AriaRole.Table)).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Your follow-through, "));
        await Expect(maria.Page.GetByText("Everyone's follow-through is the CCO's to share")).ToBeVisibleAsync();
        await maria.AssertAccessibleAsync();
        await maria.ScreenshotAsync("dashboard-follow-through-executive-own");

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Share everyone's follow-through with the executives" }).FocusAsync();
        await ana.Page.Keyboard.PressAsync("Enter");
        await Expect(ana.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Shared: every executive now sees everyone's");
        await maria.Page.ReloadAsync();
        await Expect(Leaders(maria.Page)).ToHaveCountAsync(6);
        Assert.Empty(maria.Errors.Concat(ana.Errors));
        Assert.Empty(maria.ForeignRequests.Concat(ana.ForeignRequests));
    }
}
