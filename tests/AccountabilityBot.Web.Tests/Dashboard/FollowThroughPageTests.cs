using System.Net;
using System.Text.RegularExpressions;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// The Follow-through page through the real host, on the history <c>scoreboard</c>'s counts were checked by hand on
/// (<see cref="ScoreboardHistory"/>): the same numbers, the same rule for who sees whose, and sharing switched from the page.
/// </summary>
[Collection(WebTests.Name)]
public sealed partial class FollowThroughPageTests : IAsyncLifetime
{
    const string Page = "http://localhost/dashboard/follow-through";
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => ScoreboardHistory.SeedAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<string> OpenAsync(DashboardBrowser browser, string url = Page)
    {
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync(url)).StatusCode);
        return WebUtility.HtmlDecode(browser.Html);
    }

    /// <summary>Each leader's row: their name, then the text of each count's cell.</summary>
    static Dictionary<string, string[]> Rows(string html) => Row().Matches(html).ToDictionary(m => m.Groups[1].Value,
        m => Cell().Matches(m.Groups[2].Value).Select(c => Tag().Replace(c.Groups[1].Value, "").Trim()).ToArray());

    Task<int> IdOfAsync(string user) => app.WithDbAsync(db => db.Members.Where(m => m.PlatformUserId == user).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task Cco_SeesEveryLeader_WithScoreboardsCounts_ByName_AndTheOverdueCountOpensThoseCommitments()
    {
        using var ana = await DashboardBrowser.SignedInAsync(app, "ana");
        var html = await OpenAsync(ana);

        Assert.Contains("<caption>Follow-through, Q4 2026 so far</caption>", html);
        var rows = Rows(html);
        Assert.Equal(["ana", "maria", "tom"], rows.Keys);
        Assert.Equal(["2", "1", "1 of tom's commitments overdue", "1", "1", "1 of 2", "1 of 2"], rows["tom"]);
        Assert.Equal(["1", "0", "0", "0", "0", "none yet", "none asked"], rows["maria"]);
        Assert.Contains("From Thu 1 Oct 2026 to Wed 2 Dec 2026.", html);
        Assert.Contains("not a ranking", html);
        Assert.Contains("Only you see everyone's", html);

        var tom = await IdOfAsync("tom");
        var overdue = $"/dashboard/commitments?owner={tom}&status=overdue";
        Assert.Contains($"<a href=\"{overdue}\">1<", html);
        var board = await OpenAsync(ana, "http://localhost" + overdue);
        Assert.Equal(["C-3 Publish delivery windows"], Regex.Matches(board, "<h3>([^<]+)</h3>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Executive_SeesOnlyTheirOwn_UntilTheCcoSharesFromThePage_ThroughTheEngine()
    {
        using var tom = await DashboardBrowser.SignedInAsync(app, "tom");
        var own = await OpenAsync(tom);
        Assert.Contains("<caption>Your follow-through, Q4 2026 so far</caption>", own);
        Assert.Equal(["tom"], Rows(own).Keys);
        Assert.Contains("the CCO's to share", own);
        Assert.DoesNotContain("name=\"share\"", own);

        using var ana = await DashboardBrowser.SignedInAsync(app, "ana");
        await OpenAsync(ana);
        var posted = await ana.PostAsync("/dashboard/follow-through?handler=Share", new() { ["share"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var shared = await OpenAsync(ana);
        Assert.Contains("role=\"status\"", shared);
        Assert.Contains("Shared: every executive now sees everyone's follow-through", shared);
        Assert.Contains("Stop sharing everyone's follow-through", shared);
        var audit = await app.WithDbAsync(db => db.AuditTrail.SingleAsync(a => a.Action == "setting.changed"));
        Assert.Equal(DashboardCommands.Via, audit.Via);

        var everyone = await OpenAsync(tom);
        Assert.Equal(["ana", "maria", "tom"], Rows(everyone).Keys);
        Assert.Contains("Shared by the CCO with the leadership team", everyone);
        using var fran = await DashboardBrowser.SignedInAsync(app, "fran");
        var franPage = await OpenAsync(fran);
        Assert.Equal(["fran"], Rows(franPage).Keys); // frontline: their own, shared or not, as in chat

        // Only the CCO's switch: the engine refuses an executive's, as chat does.
        await tom.PostAsync("/dashboard/follow-through?handler=Share", new() { ["share"] = "off" });
        var refused = await OpenAsync(tom);
        Assert.Contains("role=\"alert\"", refused);
        Assert.Contains("Only the CCO can do that; you are an executive.", refused);
        Assert.Equal(["ana", "maria", "tom"], Rows(refused).Keys);
    }

    [GeneratedRegex(@"<tr>\s*<th scope=""row""><a href=""[^""]+"">([^<]+)</a></th>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
