using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Patterns;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>One fix in a pattern's evidence, as the pattern's post lists it.</summary>
public sealed record PatternFixView(int Id, string What, Person By, DateOnly On, decimal? Cost);

/// <summary>
/// A frontline pattern as leadership was asked about it: its evidence when last raised, in the post's own words (the found
/// sentence, the latest fixes, who fixed them), and what leadership did with it: the stop item it became, the decisions
/// and commitments citing it, or its dismissal and how long that keeps it quiet.
/// </summary>
public sealed record PatternRow(int Id, string Title, string Found, IReadOnlyList<PatternFixView> Examples, IReadOnlyList<Contributor> FixedBy,
    DateOnly FirstRaisedOn, DateOnly RaisedOn, RecordLink? Stop, IReadOnlyList<RecordLink> LedTo, string? DismissedReason, Person? DismissedBy,
    DateOnly? QuietUntil, bool Quiet)
{
    public string Reference => Refs.Of(Refs.Pattern, Id);
}

/// <summary>The Patterns page: the CCO's rule in force, the open patterns a page at a time, the latest answered ones.</summary>
public sealed record PatternsView(PatternRule Rule, Paged<PatternRow> Open, IReadOnlyList<PatternRow> Proposed, int ProposedTotal,
    IReadOnlyList<PatternRow> Dismissed, int DismissedTotal);

/// <summary>
/// The patterns the daily search raised to leadership, as stored with their evidence (the page runs no search): open
/// (raised, not answered) newest first, and the latest <see cref="MaxAnswered"/> proposed as stops and dismissed.
/// </summary>
public sealed class PatternsQuery(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    public const int PerPage = 10, MaxAnswered = 20;

    public async Task<PatternsView> RunAsync(int page, CancellationToken ct)
    {
        var rule = await PatternFinder.RuleAsync(db, ct);
        IQueryable<FrontlinePattern> With(PatternStatus status) => db.FrontlinePatterns.AsNoTracking().Where(p => p.Status == status);
        var counts = await db.FrontlinePatterns.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var open = await With(PatternStatus.Raised).OrderByDescending(p => p.RaisedAt).ThenByDescending(p => p.Id)
            .Skip(Paged<PatternRow>.Skip(page, PerPage)).Take(PerPage).ToListAsync(ct);
        var proposed = await With(PatternStatus.StopProposed).OrderByDescending(p => p.QuietUntil).ThenByDescending(p => p.Id)
            .Take(MaxAnswered).ToListAsync(ct);
        var dismissed = await With(PatternStatus.Dismissed).OrderByDescending(p => p.DismissedAt).ThenByDescending(p => p.Id)
            .Take(MaxAnswered).ToListAsync(ct);
        var rows = await RowsAsync([.. open, .. proposed, .. dismissed], ct);
        return new PatternsView(rule,
            new Paged<PatternRow>([.. open.Select(p => rows[p.Id])], Math.Max(1, page), PerPage, counts.GetValueOrDefault(PatternStatus.Raised)),
            [.. proposed.Select(p => rows[p.Id])], counts.GetValueOrDefault(PatternStatus.StopProposed),
            [.. dismissed.Select(p => rows[p.Id])], counts.GetValueOrDefault(PatternStatus.Dismissed));
    }

    /// <summary>The patterns' evidence, people, stages, stop items and citing records, one query each for all of them.</summary>
    async Task<Dictionary<int, PatternRow>> RowsAsync(IReadOnlyList<FrontlinePattern> patterns, CancellationToken ct)
    {
        var ids = patterns.Select(p => p.Id).ToList();
        var evidence = (await db.PatternEvidence.AsNoTracking().Where(e => ids.Contains(e.PatternId))
                .Join(db.Resolutions, e => e.ResolutionId, r => r.Id, (e, r) => new
                {
                    e.PatternId, Fix = new PatternFix(r.Id, r.What, r.StageId, r.CustomerName, r.Cost, r.ById, r.At),
                })
                .ToListAsync(ct))
            .ToLookup(e => e.PatternId, e => e.Fix);
        var people = evidence.SelectMany(e => e.Select(f => f.ById)).Concat(patterns.Select(p => p.DismissedById).OfType<int>()).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => people.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var stages = await db.JourneyStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var stops = (await db.StopItems.AsNoTracking().Where(s => s.PatternId != null && ids.Contains(s.PatternId.Value))
                .Select(s => new { s.Id, s.Title, Pattern = s.PatternId!.Value }).ToListAsync(ct))
            .GroupBy(s => s.Pattern).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);
        var citing = await RecordLinks.CitingAsync(db, [.. patterns.Select(p => Refs.Of(Refs.Pattern, p.Id))], ct);
        var now = clock.UtcNow();

        return patterns.ToDictionary(p => p.Id, p =>
        {
            var c = PatternCandidate.Of(p, evidence[p.Id]);
            var stage = p.StageId is { } s ? stages.GetValueOrDefault(s) : null;
            var days = c.Fixes.Select(f => DateOnly.FromDateTime(f.At)).ToList();
            var when = days.Count == 0 ? "" : days.Min() == days.Max() ? $"on {Format.Date(days[0])}" : $"in {Format.Range(days.Min(), days.Max())}";
            Person Who(int id) => Person.Of(members[id]); // fixers and dismissers are members, kept by foreign keys
            var stop = stops.GetValueOrDefault(p.Id);
            return new PatternRow(p.Id, PatternMessage.Title(p, stage), PatternMessage.Found(c, stage, when, settings.CurrencySymbol),
                [.. c.Fixes.Take(PatternMessage.Examples).Select(f => new PatternFixView(f.Id, f.What, Who(f.ById), DateOnly.FromDateTime(f.At), f.Cost))],
                [.. PatternMessage.Fixers(c, members).Select(f => new Contributor(Who(f.ById), f.Count))],
                DateOnly.FromDateTime(p.FirstRaisedAt), DateOnly.FromDateTime(p.RaisedAt),
                stop is null ? null : new RecordLink(Refs.Of(Refs.Stop, stop.Id), Refs.Stop, stop.Id, stop.Title),
                [.. citing[Refs.Of(Refs.Pattern, p.Id)]],
                p.Status == PatternStatus.Dismissed ? p.DismissedReason : null,
                p.Status == PatternStatus.Dismissed && p.DismissedById is { } by ? Who(by) : null,
                p.QuietUntil is { } quiet ? DateOnly.FromDateTime(quiet) : null, p.IsQuiet(now));
        });
    }
}
