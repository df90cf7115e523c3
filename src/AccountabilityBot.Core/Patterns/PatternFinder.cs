using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Patterns;

/// <summary>A resolution as pattern detection reads it.</summary>
public sealed record PatternFix(int Id, string What, int? StageId, string? Customer, decimal? Cost, int ById, DateTime At);

/// <summary>
/// Fixes that cluster: at one stage sharing <see cref="Shared"/> words (at least two), or for one customer. <see cref="Keys"/>
/// are every stable key it answers to (each pair of its shared words, or its customer); <see cref="Key"/> is the first.
/// </summary>
public sealed record PatternCandidate(IReadOnlyList<string> Keys, string Name, int? StageId, string? Customer, IReadOnlyList<string> Shared,
    IReadOnlyList<PatternFix> Fixes)
{
    public string Key => Keys[0];
    public decimal Cost => Fixes.Sum(f => f.Cost ?? 0);

    /// <summary>A stored pattern as it was last raised, with those fixes (its evidence): its name is its shared words.</summary>
    public static PatternCandidate Of(FrontlinePattern p, IEnumerable<PatternFix> evidence) =>
        new([p.Key], p.Name, p.StageId, p.CustomerName, p.CustomerName is null ? p.Name.Split(' ') : [], [.. PatternFinder.Latest(evidence)]);
}

/// <summary>What one search found, under which rule, from when.</summary>
public sealed record PatternSearch(PatternRule Rule, DateTime Since, IReadOnlyList<PatternCandidate> Candidates);

/// <summary>
/// Finds the clusters in the CCO's window. Only the window's resolutions are read (by the index on their time). Per stage,
/// words too rare to reach the threshold are dropped first; each pair of the remaining words a fix holds is counted; pairs
/// held by at least the threshold's number of fixes are clusters, the biggest first, and a cluster mostly made of fixes
/// already in a bigger one at its stage is the same pattern seen through other words, so it is left out.
/// </summary>
public sealed class PatternFinder(AppDbContext db, TimeProvider clock)
{
    public async Task<PatternSearch> FindAsync(CancellationToken ct)
    {
        var rule = await RuleAsync(db, ct);
        var now = clock.UtcNow();
        var since = now.AddDays(-rule.WindowDays);
        var fixes = await db.Resolutions.AsNoTracking().Where(r => r.At > since && r.At <= now && (r.StageId != null || r.CustomerName != null))
            .Select(r => new PatternFix(r.Id, r.What, r.StageId, r.CustomerName, r.Cost, r.ById, r.At)).ToListAsync(ct);
        return new PatternSearch(rule, since, [.. ByWords(fixes, rule.Size), .. ByCustomer(fixes, rule.Size)]);
    }

    public static async Task<PatternRule> RuleAsync(AppDbContext db, CancellationToken ct) =>
        await db.PatternRules.AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync(ct) ?? new PatternRule();

    public static IEnumerable<PatternCandidate> ByWords(IReadOnlyList<PatternFix> fixes, int size)
    {
        foreach (var stage in fixes.Where(f => f.StageId is not null).GroupBy(f => f.StageId!.Value).OrderBy(g => g.Key))
        {
            var words = stage.Select(f => (Fix: f, Words: PatternWords.Of(f.What))).ToList();
            var often = words.SelectMany(w => w.Words).CountBy(w => w).Where(c => c.Value >= size).Select(c => c.Key).ToHashSet();
            if (often.Count < 2) continue;
            var pairs = new Dictionary<(string, string), List<int>>();
            for (var i = 0; i < words.Count; i++)
            {
                foreach (var pair in Pairs(words[i].Words.Where(often.Contains)))
                    (pairs.TryGetValue(pair, out var list) ? list : pairs[pair] = []).Add(i);
            }
            var covered = new HashSet<int>();
            foreach (var (pair, members) in pairs.Where(p => p.Value.Count >= size)
                .OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
            {
                if (members.Count(covered.Contains) * 2 > members.Count) continue;
                covered.UnionWith(members);
                var latest = members.Select(i => words[i]).OrderByDescending(w => w.Fix.At).ThenByDescending(w => w.Fix.Id).First().Words;
                var shared = latest.Where(w => members.All(i => words[i].Words.Contains(w))).ToList();
                var keys = new List<string> { WordsKey(stage.Key, pair.Item1, pair.Item2) };
                keys.AddRange(Pairs(shared).Select(p => WordsKey(stage.Key, p.A, p.B)).Where(k => k != keys[0]));
                yield return new PatternCandidate(keys, string.Join(' ', shared), stage.Key, null, shared,
                    [.. Latest(members.Select(i => words[i].Fix))]);
            }
        }
    }

    public static IEnumerable<PatternCandidate> ByCustomer(IReadOnlyList<PatternFix> fixes, int size) =>
        fixes.Where(f => !string.IsNullOrWhiteSpace(f.Customer)).GroupBy(f => CustomerKey(f.Customer!))
            .Where(g => g.Count() >= size).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Latest(g).ToList())
            .Select(list => new PatternCandidate([CustomerKey(list[0].Customer!)], list[0].Customer!.Trim(), null, list[0].Customer!.Trim(), [], list));

    internal static IEnumerable<PatternFix> Latest(IEnumerable<PatternFix> fixes) => fixes.OrderByDescending(f => f.At).ThenByDescending(f => f.Id);

    /// <summary>Every pair of the words, each in alphabetical order.</summary>
    static IEnumerable<(string A, string B)> Pairs(IEnumerable<string> words)
    {
        var sorted = words.Order(StringComparer.Ordinal).ToList();
        for (var a = 0; a < sorted.Count; a++)
            for (var b = a + 1; b < sorted.Count; b++)
                yield return (sorted[a], sorted[b]);
    }

    static string WordsKey(int stageId, string a, string b) => $"w:{stageId}:{a} {b}";

    static string CustomerKey(string customer)
    {
        var key = "c:" + string.Join(' ', customer.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key.Length <= FrontlinePattern.KeyLength ? key : key[..FrontlinePattern.KeyLength];
    }
}
