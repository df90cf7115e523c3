using System.Text.RegularExpressions;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// Signing in to the dashboard in chromium, on the demo host: the link from the local channel, used once, in the browser
/// that opened it, for ten minutes; signing out for good. Each test signs in a member of its own, as the links are
/// rate-limited per member.
/// </summary>
[Collection(WebTests.Name)]
public sealed partial class DashboardSignInBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [BrowserFact]
    public async Task Dashboard_TypedOnTheLocalPage_GivesALink_ThatSignsIn_AndThenIsUsed()
    {
        await using var chat = await browser.OpenAsync(demo.Address, output);
        await chat.GoToAsync("/local");
        await chat.Page.GetByLabel("You are").FillAsync("ana");
        var message = chat.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to leadership" });
        await message.FillAsync("dashboard");
        await message.PressAsync("Enter");
        // The reply shows the link once (the transcript keeps a note instead), among messages dated by the host's clock,
        // which another test may have moved on: it is found by what it is rather than by where it is listed.
        var link = chat.Page.Locator("#log a[href*='/dashboard/sign-in?token=']");
        await Expect(link).ToHaveCountAsync(1);
        await Expect(link).ToHaveAttributeAsync("href", SignInLink());
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith(demo.Address.ToString(), href);

        // The link opens in a new tab of the same browser, so the chat stays open.
        var signIn = await chat.Context.RunAndWaitForPageAsync(() => link.ClickAsync());
        await Expect(Heading(signIn)).ToHaveTextAsync("Sign in as Ana Ruiz");
        await chat.ScreenshotAsync("dashboard-chat-link");
        await signIn.ScreenshotAsync(new() { Path = Screenshots.PathFor("dashboard-sign-in"), FullPage = true });
        await BrowserSignIn.ConfirmAsync(signIn, "Ana Ruiz");
        await Expect(signIn.GetByText("Hello, Ana Ruiz.")).ToBeVisibleAsync();
        await Expect(signIn.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        var again = await signIn.GotoAsync(href!);
        Assert.Equal(410, again!.Status);
        await Expect(Heading(signIn)).ToHaveTextAsync("This link was already used");
        await Expect(signIn.GetByRole(AriaRole.Button, new() { NameRegex = SignInButton() })).ToHaveCountAsync(0);
        Assert.Empty(chat.ForeignRequests);
        Assert.Empty(chat.Errors);
    }

    [BrowserFact]
    public async Task Link_OpenedInASecondBrowser_AfterTheFirst_IsRefusedThere_AndStillSignsInTheFirst()
    {
        var link = await DashboardBrowser.AskForLinkAsync(demo.App, "maria");
        await using var first = await browser.OpenAsync(demo.Address, output);
        await using var second = await browser.OpenAsync(demo.Address, output);
        await first.GoToAsync(link);
        await Expect(Heading(first.Page)).ToHaveTextAsync("Sign in as Maria Chen");

        var refused = await second.GoToAsync(link);
        Assert.Equal(403, refused!.Status);
        await Expect(Heading(second.Page)).ToHaveTextAsync("This link was opened in another browser");
        await Expect(second.Page.GetByRole(AriaRole.Button, new() { NameRegex = SignInButton() })).ToHaveCountAsync(0);
        await second.ScreenshotAsync("dashboard-sign-in-other-browser");
        await second.AssertAccessibleAsync();

        await BrowserSignIn.ConfirmAsync(first.Page, "Maria Chen");
        await second.GoToAsync("/dashboard");
        await Expect(second.Page).ToHaveURLAsync(SignInPage());
        Assert.Empty(first.Errors.Concat(second.ErrorsBesidesStatus(403)));
    }

    [BrowserFact]
    public async Task Link_OpenedAfterTenMinutes_HasExpired()
    {
        var link = await DashboardBrowser.AskForLinkAsync(demo.App, "tom");
        await using var page = await browser.OpenAsync(demo.Address, output);
        demo.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var expired = await page.GoToAsync(link);
        Assert.Equal(410, expired!.Status);
        await Expect(Heading(page.Page)).ToHaveTextAsync("This link has expired");
        await Expect(page.Page.GetByText("Type dashboard to the bot for a new one.")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { NameRegex = SignInButton() })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("dashboard-sign-in-expired");
        Assert.Empty(page.ErrorsBesidesStatus(410));
    }

    [BrowserFact]
    public async Task SignOut_EndsTheSession_TheBackButtonAndTheOldCookieGetTheSignInPage()
    {
        await using var page = await browser.OpenAsync(demo.Address, output);
        await page.GoToAsync(await DashboardBrowser.AskForLinkAsync(demo.App, "li"));
        await BrowserSignIn.ConfirmAsync(page.Page, "Li Wei");
        await page.GoToAsync("/dashboard/customers");
        await Expect(Heading(page.Page)).ToContainTextAsync("Customers");
        var cookies = await page.Context.CookiesAsync();
        Assert.NotEmpty(cookies);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Heading(page.Page)).ToHaveTextAsync("You are signed out");
        await page.ScreenshotAsync("dashboard-signed-out");
        await page.AssertAccessibleAsync();

        // The page before was not kept (Cache-Control: no-store): going back asks the server, which sends to sign-in.
        await page.Page.GoBackAsync();
        await Expect(page.Page).ToHaveURLAsync(SignInPage());
        await Expect(Heading(page.Page)).ToHaveTextAsync("Sign in through chat");

        // The cookie from before the sign-out, replayed in another browser, is refused: the session ended in the database.
        await using var replay = await browser.OpenAsync(demo.Address, output);
        await replay.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await replay.GoToAsync("/dashboard/customers");
        await Expect(replay.Page).ToHaveURLAsync(SignInPage());
        await Expect(replay.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        Assert.Empty(page.Errors.Concat(replay.Errors));
    }

    [GeneratedRegex(@"/dashboard/sign-in\?token=[A-Za-z0-9_-]+$")]
    private static partial Regex SignInLink();

    [GeneratedRegex("/dashboard/sign-in$")]
    private static partial Regex SignInPage();

    [GeneratedRegex("^Sign in as ")]
    private static partial Regex SignInButton();
}
