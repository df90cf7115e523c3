using System.Security.Claims;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// Sessions in the database, checked on every request: one ended (signed out), idle for <see cref="Idle"/>, older than
/// <see cref="Lifetime"/>, or whose member is gone is refused, and the member's role is read afresh each time, so a
/// role lowered in chat takes effect at the next click.
/// </summary>
public sealed class DashboardSessions(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    // Writing the last-seen time on every click would make each page a write; a minute's precision is plenty for 30.
    static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    DbSet<DashboardSession> Sessions => db.Set<DashboardSession>();

    public async Task<ClaimsPrincipal> StartAsync(Member member, CancellationToken ct)
    {
        var key = DashboardTokens.New();
        var now = clock.UtcNow();
        Sessions.Add(new DashboardSession { KeyHash = DashboardTokens.Hash(key), MemberId = member.Id, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(ct);
        return Principal(member, key);
    }

    public async Task EndAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirstValue(DashboardPolicies.SessionClaim) is not { } key) return;
        var hash = DashboardTokens.Hash(key);
        var now = clock.UtcNow();
        await Sessions.Where(s => s.KeyHash == hash && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
    }

    /// <summary>The cookie handler's OnValidatePrincipal.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var ct = context.HttpContext.RequestAborted;
        var key = context.Principal?.FindFirstValue(DashboardPolicies.SessionClaim);
        var hash = key is null ? null : DashboardTokens.Hash(key);
        var session = hash is null ? null : await Sessions.SingleOrDefaultAsync(s => s.KeyHash == hash, ct);
        var member = session is null ? null : await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == session.MemberId, ct);
        var now = clock.UtcNow();
        if (session is null || member is null || session.EndedAt is not null
            || now - session.LastSeenAt > Idle || now - session.CreatedAt > Lifetime)
        {
            if (session is { EndedAt: null })
            {
                session.EndedAt = now;
                await db.SaveChangesAsync(ct);
            }
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardAuthentication.Scheme);
            return;
        }
        if (now - session.LastSeenAt >= TouchEvery)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }
        context.ReplacePrincipal(Principal(member, key!));
    }

    static ClaimsPrincipal Principal(Member member, string key) => new(new ClaimsIdentity(
    [
        new Claim(DashboardPolicies.MemberIdClaim, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(DashboardPolicies.PlatformClaim, member.Platform.ToString()),
        new Claim(DashboardPolicies.PlatformUserIdClaim, member.PlatformUserId),
        new Claim(ClaimTypes.Name, member.DisplayName),
        new Claim(ClaimTypes.Role, member.Role.ToString()),
        new Claim(DashboardPolicies.SessionClaim, key),
    ], DashboardAuthentication.Scheme));
}
