using System.Net.Http.Json;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>The local chat page in a real browser (chromium), on the demo host served over TCP.</summary>
[Collection(WebTests.Name)]
public sealed class LocalPageBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    static ILocator Messages(IPage page) => page.Locator("#log > li");

    /// <summary>
    /// Opens /local with the demo's weekly review shown in #leadership, which the page loads by itself, and the members'
    /// names in place (messages show a sender's id until they are).
    /// </summary>
    async Task<BrowserPage> OpenLocalAsync()
    {
        var page = await browser.OpenAsync(demo.Address, output);
        await page.GoToAsync("/local");
        await Expect(Messages(page.Page).First).ToContainTextAsync("Weekly customer review");
        await Expect(page.Page.Locator("#members option").First).ToBeAttachedAsync();
        return page;
    }

    [BrowserFact]
    public async Task Page_Loads_WithEveryRequestToTheBotItself()
    {
        await using var page = await OpenLocalAsync();
        await page.ScreenshotAsync("local-leadership");
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.Errors);
        var paths = page.Requests.Select(r => r.AbsolutePath).ToList();
        Assert.Contains("/local", paths);
        Assert.Contains("/local/members", paths);
        Assert.Contains("/local/messages", paths);
        Assert.All(page.Requests, r => Assert.Equal(demo.Address.Authority, r.Authority));
    }

    /// <summary>
    /// The checks above could fail: the page's own script fetching another host is stopped by its Content-Security-Policy,
    /// which shows in <see cref="BrowserPage.Errors"/>; going there (another loopback address) is recorded, and refused
    /// before it leaves.
    /// </summary>
    [BrowserFact]
    public async Task ARequestToAnotherHost_IsRecordedAsForeign_AndRefused()
    {
        await using var page = await OpenLocalAsync();
        var violation = await page.Page.RunAndWaitForConsoleMessageAsync(
            () => page.Page.EvaluateAsync("() => fetch('http://127.0.0.2:9/tracker.js').catch(() => null)"),
            new() { Predicate = m => m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });
        Assert.Contains("http://127.0.0.2:9/tracker.js", violation.Text);
        Assert.Contains(page.Errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<PlaywrightException>(() => page.Page.GotoAsync("http://127.0.0.2:9/elsewhere"));
        Assert.Contains("ERR_BLOCKED_BY_CLIENT", refused.Message);
        Assert.Equal("http://127.0.0.2:9/elsewhere", Assert.Single(page.ForeignRequests).ToString());
    }

    [BrowserFact]
    public async Task TypingACommand_AndEnter_ShowsTheBotsReply()
    {
        await using var page = await OpenLocalAsync();
        // Found by who and what: the demo's start-up posts (alerts, a frontline pattern, naming Ana) may still arrive meanwhile.
        var said = Messages(page.Page).Filter(new() { Has = page.Page.Locator(".who").Filter(new() { HasText = "Ana Ruiz" }) });
        var replies = Messages(page.Page).Filter(new() { HasText = "The marble jar —" });
        var (saidBefore, repliesBefore) = (await said.CountAsync(), await replies.CountAsync());
        await page.Page.GetByLabel("You are").FillAsync("ana");
        var message = page.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to leadership" });
        await message.ClickAsync();
        await message.PressSequentiallyAsync("jar");
        await message.PressAsync("Enter");

        await Expect(said).ToHaveCountAsync(saidBefore + 1);
        await Expect(said.Last).ToContainTextAsync("jar");
        await Expect(replies).ToHaveCountAsync(repliesBefore + 1);
        await Expect(replies.Last).ToContainTextAsync("AccountabilityBot");
        await Expect(message).ToHaveValueAsync("");
        await Expect(message).ToBeFocusedAsync();
        await page.ScreenshotAsync("local-jar-reply");
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.Errors);
    }

    /// <summary>
    /// A busy server lists a command (and its answer) once it has recorded it, which can be well before its answer to the
    /// page's POST arrives: the page's own copy then gives way, so the message is never shown twice; and should that answer
    /// then fail, the page does not put back in the box what was recorded.
    /// </summary>
    [BrowserTheory]
    [InlineData(200)]
    [InlineData(503)]
    public async Task AnAnswerThatComesLate_ShowsTheMessageOnce_WhileItWaits(int answered)
    {
        await using var page = await OpenLocalAsync();
        var said = Messages(page.Page).Filter(new() { Has = page.Page.Locator(".who").Filter(new() { HasText = "Ana Ruiz" }) })
            .Filter(new() { HasText = "jar" });
        var replies = Messages(page.Page).Filter(new() { HasText = "The marble jar —" });
        var (saidBefore, repliesBefore) = (await said.CountAsync(), await replies.CountAsync());
        var release = new TaskCompletionSource();
        await page.Page.RouteAsync("**/local/messages", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync(); // the server has recorded and answered it; the page does not know yet
            await release.Task;
            if (answered == 200) await route.FulfillAsync(new() { Response = response });
            else await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"detail\":\"Gateway timed out\"}" });
        });
        await page.Page.GetByLabel("You are").FillAsync("ana");
        var message = page.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to leadership" });
        await message.FillAsync("jar");
        await message.PressAsync("Enter");

        // The answer shows from the server's list while the POST is still held: the page has polled since.
        await Expect(replies).ToHaveCountAsync(repliesBefore + 1);
        await Expect(said).ToHaveCountAsync(saidBefore + 1);
        await Expect(page.Page.Locator("#log > li.pending")).ToHaveCountAsync(0);
        release.SetResult();

        if (answered == 200) await Expect(page.Page.Locator("#status")).ToHaveTextAsync("");
        else await Expect(page.Page.Locator("#status")).ToContainTextAsync("Sent; its answer did not arrive");
        await Expect(said).ToHaveCountAsync(saidBefore + 1);
        await Expect(replies).ToHaveCountAsync(repliesBefore + 1);
        await Expect(page.Page.Locator("#log > li.failed")).ToHaveCountAsync(0);
        await Expect(message).ToHaveValueAsync("");
    }

    [BrowserFact]
    public async Task MembersNames_ArrivingAfterTheMessages_ReplaceTheIdsAlreadyShown()
    {
        using (var http = new HttpClient { BaseAddress = demo.Address })
            (await http.PostAsJsonAsync("/local/messages", new { user = "ana", channel = "leadership", text = "stop list" })).EnsureSuccessStatusCode();
        await using var page = await browser.OpenAsync(demo.Address, output);
        var release = new TaskCompletionSource();
        await page.Page.RouteAsync("**/local/members", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GoToAsync("/local");
        var anas = Messages(page.Page).Filter(new() { HasText = "stop list" }).Filter(new() { HasNotText = "AccountabilityBot" });
        await Expect(anas.Last.Locator(".who")).ToHaveTextAsync("ana");

        release.SetResult();

        await Expect(anas.Last.Locator(".who")).ToHaveTextAsync("Ana Ruiz");
    }

    [BrowserFact]
    public async Task Keyboard_ReachesEveryControl_TheMessageBoxBeforeSend()
    {
        await using var page = await OpenLocalAsync();
        var walk = await page.WalkByKeyboardAsync();
        output.WriteLine("Tab order: " + string.Join(" → ", walk.Order));
        Assert.Empty(walk.Unreached);
        var order = walk.Order.ToList();
        Assert.InRange(order.IndexOf("input#who"), 0, order.IndexOf("textarea#text") - 1);
        Assert.InRange(order.IndexOf("textarea#text"), 0, order.IndexOf("button#send") - 1);
    }

    [BrowserFact]
    public async Task Axe_FindsNoSeriousOrCriticalViolation_BeforeAndAfterAReplyWithButtons()
    {
        await using var page = await OpenLocalAsync();
        await page.AssertAccessibleAsync();
        await page.Page.GetByLabel("You are").FillAsync("ana");
        var message = page.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to leadership" });
        await message.FillAsync("stop list");
        await message.PressAsync("Enter");
        await Expect(Messages(page.Page).Last.GetByRole(AriaRole.Button).First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("local-stop-list");
    }
}
