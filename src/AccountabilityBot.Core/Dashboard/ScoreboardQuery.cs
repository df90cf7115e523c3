using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>What one member may see of the quarter's follow-through: everyone's (<see cref="Everyone"/>) or their own.</summary>
/// <param name="Shared">The CCO has shared everyone's with the executives (<c>scoreboard share on</c>).</param>
public sealed record Scoreboard(FollowThroughReport Report, bool Shared, bool Everyone);

/// <summary>
/// This quarter's follow-through so far, in the team's zone (the quarter the review calls "Q4 2026 so far"), for
/// <c>scoreboard</c>, <c>mine</c> and the Follow-through page, with who may see whose.
/// </summary>
public sealed class ScoreboardQuery(AppDbContext db, FollowThroughQuery query, BotSettings settings, TimeProvider clock)
{
    /// <summary>
    /// Whether the leadership team sees everyone's is the CCO's choice: until it is shared, the CCO sees everyone's and
    /// anyone else their own; once shared, every executive sees everyone's (and the weekly review carries it).
    /// </summary>
    public static bool SeesEveryone(Role role, bool shared) => role == Role.Cco || (shared && role == Role.Executive);

    /// <summary>The quarter so far as <paramref name="viewerId"/>, of <paramref name="role"/>, may see it.</summary>
    public async Task<Scoreboard> SeenByAsync(int viewerId, Role role, CancellationToken ct)
    {
        var shared = await TeamSettings.IsOnAsync(db, TeamSettings.ScoreboardShared, ct);
        var everyone = SeesEveryone(role, shared);
        return new Scoreboard(await QuarterSoFarAsync(everyone ? null : viewerId, ct), shared, everyone);
    }

    /// <param name="memberId">Only this member; null: every executive and the CCO.</param>
    public async Task<FollowThroughReport> QuarterSoFarAsync(int? memberId, CancellationToken ct)
    {
        var (today, zone) = await TeamZone.TodayAsync(db, settings, clock, ct);
        return await query.RunAsync(DateRange.QuarterToDate(today), today, zone, memberId, ct);
    }
}
