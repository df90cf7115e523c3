using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>A stop-list item with the records its reason cites and the decisions and commitments that cite it.</summary>
public sealed record StopRow(int Id, string Title, string? Rationale, Person? Owner, StopItemStatus Status, DateOnly? ReviewOn,
    DateTime ProposedAt, DateTime? AgreedAt, IReadOnlyList<RecordLink> Cites, IReadOnlyList<RecordLink> CitedBy);

/// <summary>The stop list as the review sorts it: due for review, proposed, agreed (stopped), and the latest closed.</summary>
public sealed record StopListView(DateOnly Today, IReadOnlyList<StopRow> DueForReview, IReadOnlyList<StopRow> Proposed,
    IReadOnlyList<StopRow> Agreed, IReadOnlyList<StopRow> Closed);

/// <summary>
/// The Stop list page. Items still in play are few (each was agreed in a meeting), so all of them are read; of the closed
/// ones (kept stopped for good, reinstated) only the latest <see cref="MaxClosed"/>.
/// </summary>
public sealed class StopListQuery(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    public const int MaxClosed = 20;

    public async Task<StopListView> RunAsync(CancellationToken ct)
    {
        var (today, _) = await TeamZone.TodayAsync(db, settings, clock, ct);
        var items = db.StopItems.AsNoTracking().Include(s => s.Owner);
        var inPlay = await items.Where(s => s.Status == StopItemStatus.Proposed || s.Status == StopItemStatus.Agreed)
            .OrderBy(s => s.ReviewOn).ThenBy(s => s.Id).ToListAsync(ct);
        var closed = await items.Where(s => s.Status == StopItemStatus.KeptStopped || s.Status == StopItemStatus.Reinstated)
            .OrderByDescending(s => s.ReviewedAt).ThenByDescending(s => s.Id).Take(MaxClosed).ToListAsync(ct);
        var all = inPlay.Concat(closed).ToList();
        var cites = await RecordLinks.ResolveAsync(db, all.SelectMany(s => RecordLinks.In(s.Rationale)), ct);
        var citing = await RecordLinks.CitingAsync(db, [.. all.Select(s => Refs.Of(Refs.Stop, s.Id))], ct);
        StopRow Row(StopItem s) => new(s.Id, s.Title, s.Rationale, s.Owner is null ? null : Person.Of(s.Owner), s.Status, s.ReviewOn,
            s.ProposedAt, s.AgreedAt, [.. RecordLinks.In(s.Rationale).Select(r => cites[r])], [.. citing[Refs.Of(Refs.Stop, s.Id)]]);
        return new StopListView(today,
            [.. inPlay.Where(s => s.IsDueForReview(today)).Select(Row)],
            [.. inPlay.Where(s => s.Status == StopItemStatus.Proposed).OrderBy(s => s.Id).Select(Row)],
            [.. inPlay.Where(s => s.Status == StopItemStatus.Agreed && !s.IsDueForReview(today)).Select(Row)],
            [.. closed.Select(Row)]);
    }
}
