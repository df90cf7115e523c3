using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Dashboard;

public enum LinkState { Ready, Unknown, Expired, Used, OtherBrowser }

public sealed record LinkCheck(LinkState State, Member? Member = null);

/// <summary>
/// Following a sign-in link. Opening it (GET) never uses it up, because Slack and Teams fetch links to preview them:
/// it only ties the link to the browser that opened it (a cookie), and only for a real navigation, which previews are
/// not. Signing in (POST, with antiforgery) uses it, once, from that browser.
/// </summary>
public sealed class DashboardSignIns(AppDbContext db, TimeProvider clock)
{
    public const string BrowserCookie = "abot-sign-in";

    public async Task<LinkCheck> OpenAsync(HttpContext http, string token, CancellationToken ct)
    {
        var (link, check) = await FindAsync(http, token, ct);
        if (link is null || check.State != LinkState.Ready || link.BrowserHash is not null) return check;
        // Browsers say a click on a link is a navigation; link previews and scanners send no such header.
        if (!string.Equals(http.Request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase)) return check;
        link.BrowserHash = DashboardTokens.Hash(Browser(http));
        await db.SaveChangesAsync(ct);
        return check;
    }

    /// <summary>Uses the link up; Ready only for the one request that did.</summary>
    public async Task<LinkCheck> UseAsync(HttpContext http, string token, CancellationToken ct)
    {
        var (link, check) = await FindAsync(http, token, ct);
        if (link is null || check.State != LinkState.Ready) return check;
        var now = clock.UtcNow();
        var used = await db.Set<DashboardSignIn>().Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, now), ct);
        return used == 1 ? check : new LinkCheck(LinkState.Used, check.Member);
    }

    async Task<(DashboardSignIn?, LinkCheck)> FindAsync(HttpContext http, string token, CancellationToken ct)
    {
        var hash = DashboardTokens.Hash(token);
        var link = await db.Set<DashboardSignIn>().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        var member = link is null ? null : await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == link.MemberId, ct);
        if (link is null || member is null) return (null, new LinkCheck(LinkState.Unknown));
        if (link.UsedAt is not null) return (link, new LinkCheck(LinkState.Used, member));
        if (clock.UtcNow() >= link.ExpiresAt) return (link, new LinkCheck(LinkState.Expired, member));
        var browser = http.Request.Cookies[HostPrefixedCookieManager.Name(http, BrowserCookie)];
        if (link.BrowserHash is not null && (browser is null || DashboardTokens.Hash(browser) != link.BrowserHash))
            return (link, new LinkCheck(LinkState.OtherBrowser, member));
        return (link, new LinkCheck(LinkState.Ready, member));
    }

    /// <summary>This browser's sign-in cookie, set now if it has none; it lives as long as a link.</summary>
    static string Browser(HttpContext http)
    {
        var name = HostPrefixedCookieManager.Name(http, BrowserCookie);
        if (http.Request.Cookies[name] is { Length: > 0 } existing) return existing;
        var value = DashboardTokens.New();
        http.Response.Cookies.Append(name, value, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", IsEssential = true,
            MaxAge = DashboardHandler.Lifetime,
        });
        return value;
    }
}
