using System.Text.RegularExpressions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>A record another one cites (L-n, S-n, C-n, D-n, T-n, F-n), with what it is about; <see cref="Title"/> is null when it is gone.</summary>
public sealed record RecordLink(string Ref, char Kind, int Id, string? Title);

/// <summary>Names the records that others cite, with one query per kind for a whole page of them.</summary>
public static partial class RecordLinks
{
    /// <summary>Every reference written in free text, e.g. a stop item's "why: Why Acme left (L-5)" or its pattern's evidence (F-3).</summary>
    public static IEnumerable<string> In(string? text) =>
        text is null ? [] : Reference().Matches(text).Select(m => m.Value.ToUpperInvariant()).Distinct();

    public static async Task<IReadOnlyDictionary<string, RecordLink>> ResolveAsync(AppDbContext db, IEnumerable<string?> refs, CancellationToken ct)
    {
        var parsed = refs.OfType<string>().Distinct()
            .Select(r => Refs.TryParse(r, out var kind, out var id) ? (Ref: Refs.Of(kind, id), Kind: kind, Id: id) : default)
            .Where(r => r.Ref is not null).ToList();
        List<int> Ids(char kind) => [.. parsed.Where(r => r.Kind == kind).Select(r => r.Id)];
        var titles = new Dictionary<string, string>();
        void Add(char kind, IEnumerable<(int Id, string Title)> rows)
        {
            foreach (var (id, title) in rows) titles[Refs.Of(kind, id)] = title;
        }
        if (Ids(Refs.LostStory) is { Count: > 0 } stories)
            Add(Refs.LostStory, (await db.LostStories.AsNoTracking().Where(s => stories.Contains(s.Id))
                .Select(s => new { s.Id, s.Event.Customer.Name }).ToListAsync(ct)).Select(s => (s.Id, $"Why {s.Name} left")));
        if (Ids(Refs.Stop) is { Count: > 0 } stops)
            Add(Refs.Stop, (await db.StopItems.AsNoTracking().Where(s => stops.Contains(s.Id))
                .Select(s => new { s.Id, s.Title }).ToListAsync(ct)).Select(s => (s.Id, s.Title)));
        if (Ids(Refs.Commitment) is { Count: > 0 } commitments)
            Add(Refs.Commitment, (await db.Commitments.AsNoTracking().Where(c => commitments.Contains(c.Id))
                .Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)));
        if (Ids(Refs.Decision) is { Count: > 0 } decisions)
            Add(Refs.Decision, (await db.Decisions.AsNoTracking().Where(d => decisions.Contains(d.Id))
                .Select(d => new { d.Id, d.Text }).ToListAsync(ct)).Select(d => (d.Id, d.Text)));
        if (Ids(Refs.Touchpoint) is { Count: > 0 } touchpoints)
            Add(Refs.Touchpoint, (await db.Touchpoints.AsNoTracking().Where(t => touchpoints.Contains(t.Id))
                .Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)));
        if (Ids(Refs.Pattern) is { Count: > 0 } patterns)
            Add(Refs.Pattern, (await db.FrontlinePatterns.AsNoTracking().Where(p => patterns.Contains(p.Id))
                    .Select(p => new { p.Id, p.CustomerName, p.Name, Stage = p.Stage == null ? null : p.Stage.Name }).ToListAsync(ct))
                .Select(p => (p.Id, Patterns.PatternMessage.Title(p.CustomerName, p.Name, p.Stage))));
        return parsed.ToDictionary(r => r.Ref, r => new RecordLink(r.Ref, r.Kind, r.Id, titles.GetValueOrDefault(r.Ref)));
    }

    /// <summary>The commitments and decisions that name each of <paramref name="refs"/> as what prompted them.</summary>
    public static async Task<ILookup<string, RecordLink>> CitingAsync(AppDbContext db, IReadOnlyCollection<string> refs, CancellationToken ct)
    {
        if (refs.Count == 0) return Array.Empty<RecordLink>().ToLookup(l => "");
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PromptedBy != null && refs.Contains(c.PromptedBy))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Title, c.PromptedBy }).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.PromptedBy != null && refs.Contains(d.PromptedBy))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.Text, d.PromptedBy }).ToListAsync(ct);
        return commitments.Select(c => (Cites: c.PromptedBy!, Link: new RecordLink(Refs.Of(Refs.Commitment, c.Id), Refs.Commitment, c.Id, c.Title)))
            .Concat(decisions.Select(d => (Cites: d.PromptedBy!, Link: new RecordLink(Refs.Of(Refs.Decision, d.Id), Refs.Decision, d.Id, d.Text))))
            .ToLookup(x => x.Cites, x => x.Link);
    }

    [GeneratedRegex(@"\b[LSCDTFlscdtf]-[1-9][0-9]{0,9}\b")]
    private static partial Regex Reference();
}
