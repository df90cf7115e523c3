using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>
/// One leader's follow-through over a range of days: commitments closed in it (kept on time or late, by the due date
/// first promised; dropped), those overdue as of today, decisions they made in it and how many of the commitments citing
/// those are done, and the prompts they were asked in it and answered.
/// </summary>
public sealed record FollowThrough(int MemberId, Person Who, int KeptOnTime, int KeptLate, int Overdue, int Dropped,
    int Decisions, int DecisionCommitments, int DecisionCommitmentsDone, int PromptsAsked, int PromptsAnswered)
{
    /// <summary>Of <see cref="KeptLate"/>, how many had their due date moved: late by the first, whatever the last said.</summary>
    public int KeptLateDateMoved { get; init; }
}

/// <summary>Each leader's follow-through over <see cref="Range"/>, in name order: a mirror, never a ranking.</summary>
public sealed record FollowThroughReport(DateRange Range, IReadOnlyList<FollowThrough> Leaders)
{
    /// <summary>"Q4 2026".</summary>
    public string Quarter => DateRange.QuarterName(Range.From);
}

/// <summary>
/// The scoreboard's one read model, for <c>scoreboard</c>, <c>mine</c>, the weekly review and the Follow-through page
/// (<see cref="ScoreboardQuery"/>). Counts are grouped by the database; only the commitments done in the range are read
/// one by one (owner, due date, completion instant), because on time or late is decided in the owner's own zone: done by
/// the due date first promised there, wherever the server is, is on time (a date moved later does not make late work on
/// time).
/// </summary>
public sealed class FollowThroughQuery(AppDbContext db)
{
    static readonly CommitmentStatus[] OpenStatuses = Commitment.OpenStatuses;

    /// <param name="range">Days in <paramref name="teamZone"/>; commitments closed, decisions made and prompts asked in it count.</param>
    /// <param name="today">Overdue is judged as of this day.</param>
    /// <param name="memberId">Only this member, whatever their role; null: every executive and the CCO.</param>
    public async Task<FollowThroughReport> RunAsync(DateRange range, DateOnly today, TimeZoneInfo teamZone, int? memberId, CancellationToken ct)
    {
        var fromUtc = Clock.StartOfDayUtc(range.From, teamZone);
        var untilUtc = Clock.StartOfDayUtc(range.To.AddDays(1), teamZone);
        var leaders = await db.Members.AsNoTracking()
            .Where(m => memberId == null ? m.Role == Role.Executive || m.Role == Role.Cco : m.Id == memberId)
            .Select(m => new { m.Id, Who = new Person(m.Platform, m.PlatformUserId, m.DisplayName), m.TimeZone })
            .ToListAsync(ct);
        var ids = leaders.Select(l => l.Id).ToList();

        var closed = await db.Commitments.AsNoTracking()
            .Where(c => ids.Contains(c.OwnerId) && (c.Status == CommitmentStatus.Done || c.Status == CommitmentStatus.Dropped)
                && c.ClosedAt >= fromUtc && c.ClosedAt < untilUtc)
            .Select(c => new { c.OwnerId, c.Status, PromisedOn = c.FirstDueOn ?? c.DueOn, Moved = c.FirstDueOn != null, ClosedAt = c.ClosedAt!.Value })
            .ToListAsync(ct);
        var overdue = await db.Commitments.AsNoTracking()
            .Where(c => ids.Contains(c.OwnerId) && EF.Constant(OpenStatuses).Contains(c.Status) && c.DueOn < today)
            .GroupBy(c => c.OwnerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => ids.Contains(d.DecidedById) && d.DecidedAt >= fromUtc && d.DecidedAt < untilUtc)
            .Select(d => new { d.Id, d.DecidedById })
            .ToListAsync(ct);
        var decidedBy = decisions.ToDictionary(d => Refs.Of(Refs.Decision, d.Id), d => d.DecidedById);
        var refs = decidedBy.Keys.ToList();
        var cited = await db.Commitments.AsNoTracking()
            .Where(c => c.PromptedBy != null && refs.Contains(c.PromptedBy))
            .GroupBy(c => c.PromptedBy!)
            .Select(g => new { g.Key, Count = g.Count(), Done = g.Count(c => c.Status == CommitmentStatus.Done) })
            .ToListAsync(ct);
        var prompts = await db.Prompts.AsNoTracking()
            .Where(p => ids.Contains(p.MemberId) && p.AskedAt >= fromUtc && p.AskedAt < untilUtc)
            .GroupBy(p => p.MemberId)
            .Select(g => new { g.Key, Asked = g.Count(), Answered = g.Count(p => p.Answer != null) })
            .ToDictionaryAsync(g => g.Key, ct);

        var rows = leaders.Select(l =>
        {
            var zone = Clock.FindZone(l.TimeZone) ?? teamZone;
            var late = closed.Where(c => c.OwnerId == l.Id && c.Status == CommitmentStatus.Done)
                .Where(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.ClosedAt, zone)) > c.PromisedOn).ToList();
            var kept = closed.Count(c => c.OwnerId == l.Id && c.Status == CommitmentStatus.Done);
            var theirs = cited.Where(c => decidedBy[c.Key] == l.Id).ToList();
            var asked = prompts.GetValueOrDefault(l.Id);
            return new FollowThrough(l.Id, l.Who, kept - late.Count, late.Count, overdue.GetValueOrDefault(l.Id),
                closed.Count(c => c.OwnerId == l.Id && c.Status == CommitmentStatus.Dropped),
                decisions.Count(d => d.DecidedById == l.Id), theirs.Sum(c => c.Count), theirs.Sum(c => c.Done),
                asked?.Asked ?? 0, asked?.Answered ?? 0) { KeptLateDateMoved = late.Count(c => c.Moved) };
        });
        return new FollowThroughReport(range,
            [.. rows.OrderBy(r => r.Who.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Who.Name, StringComparer.Ordinal)]);
    }
}
