using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>
/// The commitment board: escalated first (overdue by more than Bot:EscalateAfterDays while its owner is not away, as the
/// review and the escalation posts judge it), then overdue, then the rest by due date; each with its history and, when
/// its owner is away, until when. The lanes are one GROUP BY.
/// </summary>
public sealed class CommitmentBoardQuery(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    public const int PerPage = 25;

    static readonly CommitmentStatus[] OpenStatuses = Commitment.OpenStatuses;

    public async Task<CommitmentBoard> RunAsync(CommitmentFilter filter, int page, CancellationToken ct)
    {
        var (today, zone) = await TeamZone.TodayAsync(db, settings, clock, ct);
        var cutoff = today.AddDays(-settings.EscalateAfterDays);
        var away = await Availability.AwayAtAsync(db, clock.UtcNow(), zone, ct);
        var awayIds = away.Keys.ToList();
        var chosen = Filtered(filter, today, cutoff, awayIds);
        var total = await chosen.CountAsync(ct);
        var rows = await chosen
            .OrderBy(c => !EF.Constant(OpenStatuses).Contains(c.Status) ? 3 : c.DueOn < cutoff && !awayIds.Contains(c.OwnerId) ? 0 : c.DueOn < today ? 1 : 2)
            .ThenBy(c => c.DueOn).ThenBy(c => c.Id)
            .Skip(Paged<CommitmentCard>.Skip(page, PerPage)).Take(PerPage)
            .Select(c => new
            {
                c.Id, c.Title, c.OwnerId, Owner = new Person(c.Owner.Platform, c.Owner.PlatformUserId, c.Owner.DisplayName),
                Stage = c.Stage == null ? null : c.Stage.Name, c.Status, c.DueOn, c.PromptedBy,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var history = (await db.CommitmentUpdates.AsNoTracking().Where(u => ids.Contains(u.CommitmentId))
                .Join(db.Members, u => u.ById, m => m.Id, (u, m) => new { u.CommitmentId, u.Id, u.At, u.Status, u.NewDueOn, u.Note, m.DisplayName })
                .ToListAsync(ct))
            .OrderBy(u => u.At).ThenBy(u => u.Id)
            .ToLookup(u => u.CommitmentId, u => new UpdateView(u.At, u.Status, u.NewDueOn, u.Note, u.DisplayName));
        var links = await RecordLinks.ResolveAsync(db, rows.Select(r => r.PromptedBy), ct);
        var cards = rows.Select(r =>
        {
            var isOpen = OpenStatuses.Contains(r.Status);
            var late = isOpen && r.DueOn < today ? today.DayNumber - r.DueOn.DayNumber : 0;
            var ownerAway = away.TryGetValue(r.OwnerId, out var back);
            return new CommitmentCard(r.Id, r.Title, r.OwnerId, r.Owner, r.Stage, r.Status, r.DueOn, late, isOpen && r.DueOn < cutoff && !ownerAway,
                r.PromptedBy, r.PromptedBy is null ? null : links.GetValueOrDefault(r.PromptedBy), [.. history[r.Id]])
            {
                OwnerAway = ownerAway ? Availability.OwnerAwayNote(back) : null,
            };
        }).ToList();
        var (owners, stages) = await LanesAsync(today, cutoff, awayIds, ct);
        return new CommitmentBoard(filter, today, settings.EscalateAfterDays, owners, stages,
            new Paged<CommitmentCard>(cards, Math.Max(1, page), PerPage, total));
    }

    IQueryable<Commitment> Filtered(CommitmentFilter filter, DateOnly today, DateOnly cutoff, List<int> awayIds)
    {
        var chosen = db.Commitments.AsNoTracking();
        if (filter.OwnerId is { } owner) chosen = chosen.Where(c => c.OwnerId == owner);
        if (filter.StageId is { } stage) chosen = chosen.Where(c => c.StageId == stage);
        return filter.Status switch
        {
            CommitmentFilter.All => chosen,
            CommitmentFilter.Open => chosen.Where(c => EF.Constant(OpenStatuses).Contains(c.Status)),
            CommitmentFilter.Overdue => chosen.Where(c => EF.Constant(OpenStatuses).Contains(c.Status) && c.DueOn < today),
            CommitmentFilter.Escalated => chosen.Where(c => EF.Constant(OpenStatuses).Contains(c.Status) && c.DueOn < cutoff && !awayIds.Contains(c.OwnerId)),
            _ => filter.Exact is { } exact ? chosen.Where(c => c.Status == exact) : chosen,
        };
    }

    /// <summary>Every commitment counted by owner and by stage: open, overdue, escalated (part of overdue) and closed.</summary>
    async Task<(List<BoardLane> Owners, List<BoardLane> Stages)> LanesAsync(DateOnly today, DateOnly cutoff, List<int> awayIds, CancellationToken ct)
    {
        var cells = await db.Commitments.AsNoTracking()
            .GroupBy(c => new
            {
                c.OwnerId, c.StageId, Open = EF.Constant(OpenStatuses).Contains(c.Status),
                Late = !EF.Constant(OpenStatuses).Contains(c.Status) ? 0 : c.DueOn < cutoff && !awayIds.Contains(c.OwnerId) ? 2 : c.DueOn < today ? 1 : 0,
            })
            .Select(g => new Cell(g.Key.OwnerId, g.Key.StageId, g.Key.Open, g.Key.Late, g.Count()))
            .ToListAsync(ct);
        var ownerIds = cells.Select(c => c.OwnerId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => ownerIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var stages = await db.JourneyStages.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.IsRetired }).ToListAsync(ct);
        var owners = cells.GroupBy(c => c.OwnerId).Select(g => Lane(g.Key, names[g.Key], g))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var byStage = stages.Where(s => !s.IsRetired || cells.Any(c => c.StageId == s.Id))
            .Select(s => Lane(s.Id, s.Name, cells.Where(c => c.StageId == s.Id))).ToList();
        if (cells.Any(c => c.StageId is null)) byStage.Add(Lane(null, FrontlineTally.NoStage, cells.Where(c => c.StageId is null)));
        return (owners, byStage);
    }

    static BoardLane Lane(int? id, string name, IEnumerable<Cell> cells)
    {
        var list = cells.ToList();
        return new BoardLane(id, name, list.Where(c => c.Open).Sum(c => c.Count), list.Where(c => c.Late > 0).Sum(c => c.Count),
            list.Where(c => c.Late == 2).Sum(c => c.Count), list.Where(c => !c.Open).Sum(c => c.Count));
    }

    sealed record Cell(int OwnerId, int? StageId, bool Open, int Late, int Count);
}
