using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// A daily job that forgets what can no longer sign anyone in: sessions ended, idle or past their lifetime (the same
/// test <see cref="DashboardSessions"/> applies at each request), and sign-in links a day after they expired (kept that
/// long so the per-member limit on new links still counts them).
/// </summary>
public sealed class DashboardTidy(AppDbContext db, TimeProvider clock)
{
    public const string JobId = "dashboard:tidy";
    static readonly TimeSpan LinksKept = TimeSpan.FromDays(1);

    /// <returns>How many sessions and links were forgotten.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var idleSince = now - DashboardSessions.Idle;
        var startedBefore = now - DashboardSessions.Lifetime;
        var sessions = await db.Set<DashboardSession>()
            .Where(s => s.EndedAt != null || s.LastSeenAt < idleSince || s.CreatedAt < startedBefore)
            .ExecuteDeleteAsync(ct);
        var expiredBefore = now - LinksKept;
        var links = await db.Set<DashboardSignIn>().Where(l => l.ExpiresAt < expiredBefore).ExecuteDeleteAsync(ct);
        return sessions + links;
    }
}
