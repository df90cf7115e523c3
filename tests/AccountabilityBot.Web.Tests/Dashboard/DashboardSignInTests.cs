using System.Net;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>Signing in through chat: a link from `dashboard`, used once, in one browser, within 10 minutes.</summary>
[Collection(WebTests.Name)]
public sealed class DashboardSignInTests
{
    static BotApplication NewApp() => new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    [Fact]
    public async Task Link_OpenedAndSignedIn_ShowsTheDashboard_AndCannotBeUsedAgain()
    {
        await using var app = NewApp();
        var link = await DashboardBrowser.AskForLinkAsync(app, "ana");
        Assert.StartsWith("http://localhost", link);
        using var browser = new DashboardBrowser(app);

        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync(link)).StatusCode);
        Assert.Contains("Sign in as ana", browser.Html);
        var signedIn = await browser.PostAsync("/dashboard/sign-in", new() { ["token"] = DashboardBrowser.TokenOf(link) });
        Assert.Equal("/dashboard", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("http://localhost/dashboard")).StatusCode);
        Assert.Contains("/dashboard/settings", browser.Html); // ana, the first member, is the CCO

        Assert.Equal(HttpStatusCode.Gone, (await browser.OpenAsync(link)).StatusCode);
        Assert.Contains("already used", browser.Html);
        using var other = new DashboardBrowser(app);
        Assert.Equal(HttpStatusCode.Gone, (await other.OpenAsync(link)).StatusCode);
    }

    [Fact]
    public async Task PublicUrl_IsWhereLinksPoint_AndOneThatIsNotAnAddressStopsTheStart()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Dashboard:PublicUrl"] = "https://bot.example.com" });
        Assert.StartsWith("https://bot.example.com/dashboard/sign-in?token=", await DashboardBrowser.AskForLinkAsync(app, "ana"));

        await using var wrong = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Dashboard:PublicUrl"] = "bot.example.com" });
        var error = Assert.Throws<SettingsRefusedException>(() => wrong.CreateClient());
        Assert.StartsWith("Dashboard:PublicUrl must be the address", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Link_FetchedByAPreview_IsNeitherUsedNorTiedToIt()
    {
        await using var app = NewApp();
        var link = await DashboardBrowser.AskForLinkAsync(app, "ana");
        // A link preview (Slack's unfurl, Teams's card) fetches the page without a browser's navigation header.
        using (var preview = app.CreateClient())
            Assert.Equal(HttpStatusCode.OK, (await preview.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        using var browser = new DashboardBrowser(app);
        await browser.SignInAsync(link);
        Assert.Contains("Sign out", browser.Html);
    }

    [Fact]
    public async Task Link_InAnotherBrowser_IsRefused_WithWhatToDo()
    {
        await using var app = NewApp();
        var link = await DashboardBrowser.AskForLinkAsync(app, "ana");
        using var first = new DashboardBrowser(app);
        using var second = new DashboardBrowser(app);
        await first.OpenAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, (await second.OpenAsync(link)).StatusCode);
        Assert.Contains("another browser", second.Html);
        Assert.Contains("dashboard", second.Html);
        var post = await second.PostAsync("/dashboard/sign-in", new() { ["token"] = DashboardBrowser.TokenOf(link) });
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.OpenAsync("http://localhost/dashboard")).StatusCode);
        await first.SignInAsync(link); // the browser that opened it still can
    }

    [Fact]
    public async Task Link_AfterTenMinutes_HasExpired()
    {
        await using var app = NewApp();
        var link = await DashboardBrowser.AskForLinkAsync(app, "ana");
        app.Clock.Advance(DashboardHandler.Lifetime + TimeSpan.FromSeconds(1));
        using var browser = new DashboardBrowser(app);

        Assert.Equal(HttpStatusCode.Gone, (await browser.OpenAsync(link)).StatusCode);
        Assert.Contains("expired", browser.Html);
        Assert.Contains("<code>dashboard</code>", browser.Html);
    }

    [Fact]
    public async Task Links_PastFiveInTenMinutes_AreRefusedKindly()
    {
        await using var app = NewApp();
        for (var i = 0; i < DashboardHandler.PerWindow; i++) await DashboardBrowser.AskForLinkAsync(app, "ana");

        var sixth = await app.SayAsync("ana", "dashboard");
        Assert.Null(DashboardBrowser.LinkIn(sixth.Text));
        Assert.Contains("Use the newest one, or ask again in", sixth.Text);
        app.Clock.Advance(DashboardHandler.Window);
        Assert.NotNull(DashboardBrowser.LinkIn((await app.SayAsync("ana", "dashboard")).Text));
    }

    [Fact]
    public async Task ReviewAndSlackHome_OfferOpenTheDashboard_WhichAnswersTheClickerWithTheirOwnLink()
    {
        await using var app = NewApp();
        var review = await app.SayAsync("ana", "review");
        var button = Assert.Single(review.Buttons, b => b.Label == "Open the dashboard");

        Assert.NotNull(DashboardBrowser.LinkIn((await app.SayAsync("ana", button.Command)).Text));
        var home = SlackHome.Compose(ChatMessage.Text("Nothing is yours yet."));
        Assert.Contains(home.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.Command == button.Command);
    }

    [Fact]
    public async Task Dashboard_WithoutASession_SendsPagesToSignIn_AndTheApiGets401()
    {
        await using var app = NewApp();
        using var browser = new DashboardBrowser(app);

        var page = await browser.OpenAsync("http://localhost/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/sign-in", page.Headers.Location?.OriginalString);
        var api = await browser.Client.GetAsync("/api/v1/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
        var local = await browser.Client.GetAsync("/local/messages?channel=leadership");
        Assert.Null(local.Headers.Location);
    }
}
