using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// Signing in to the dashboard in a real browser, the way a person does: a link from the chat (the local channel here),
/// opened in the browser, and the "Sign in as …" button pressed.
/// </summary>
public static partial class BrowserSignIn
{
    /// <summary>Presses the sign-in page's button and waits for the dashboard's overview.</summary>
    public static async Task ConfirmAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as " + name }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Overview());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
    }

    /// <summary>
    /// A browser page already signed in as <paramref name="user"/> (a demo member's id), in a fresh context: the first
    /// call for a user in a class signs in through a link from the host; later ones reuse that browser's cookies.
    /// </summary>
    public static async Task<BrowserPage> SignedInAsync(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output, string user)
    {
        var state = await demo.SignedInStateAsync(user, async u =>
        {
            await using var first = await browser.OpenAsync(demo.Address, output);
            var link = await DashboardBrowser.AskForLinkAsync(demo.App, u);
            await first.GoToAsync(link);
            await first.Page.GetByRole(AriaRole.Button, new() { NameRegex = SignInButton() }).ClickAsync();
            await Expect(first.Page).ToHaveURLAsync(Overview());
            return await first.Context.StorageStateAsync();
        });
        return await browser.OpenAsync(demo.Address, output, state);
    }

    [GeneratedRegex("/dashboard$")]
    public static partial Regex Overview();

    [GeneratedRegex("^Sign in as ")]
    private static partial Regex SignInButton();
}
