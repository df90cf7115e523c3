using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>
/// A decision with what prompted it (a story, a stop item, a commitment) and what it led to: the commitments and decisions
/// that name it.
/// </summary>
public sealed record DecisionRow(int Id, string Text, Person DecidedBy, Person? Owner, DateOnly? DueOn, DateTime DecidedAt,
    RecordLink? Prompt, IReadOnlyList<RecordLink> LedTo);

/// <summary>The Decisions page: newest first, a page at a time.</summary>
public sealed class DecisionsQuery(AppDbContext db)
{
    public const int PerPage = 25;

    public async Task<Paged<DecisionRow>> RunAsync(int page, CancellationToken ct)
    {
        var total = await db.Decisions.CountAsync(ct);
        var rows = await db.Decisions.AsNoTracking()
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .Skip(Paged<DecisionRow>.Skip(page, PerPage)).Take(PerPage)
            .Select(d => new
            {
                d.Id, d.Text, d.DueOn, d.DecidedAt, d.PromptedBy,
                DecidedBy = new Person(d.DecidedBy.Platform, d.DecidedBy.PlatformUserId, d.DecidedBy.DisplayName),
                Owner = d.Owner == null ? null : new Person(d.Owner.Platform, d.Owner.PlatformUserId, d.Owner.DisplayName),
            })
            .ToListAsync(ct);
        var prompts = await RecordLinks.ResolveAsync(db, rows.Select(r => r.PromptedBy), ct);
        var citing = await RecordLinks.CitingAsync(db, [.. rows.Select(r => Refs.Of(Refs.Decision, r.Id))], ct);
        return new Paged<DecisionRow>([.. rows.Select(r => new DecisionRow(r.Id, r.Text, r.DecidedBy, r.Owner, r.DueOn, r.DecidedAt,
                r.PromptedBy is null ? null : prompts.GetValueOrDefault(r.PromptedBy), [.. citing[Refs.Of(Refs.Decision, r.Id)]]))],
            Math.Max(1, page), PerPage, total);
    }
}
