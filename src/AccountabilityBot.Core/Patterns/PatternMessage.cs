using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Patterns;

/// <summary>A cluster with what its post names: the stage and the members who fixed it.</summary>
public sealed record PatternEvidenceView(PatternCandidate Candidate, string? Stage, IReadOnlyDictionary<int, Member> Fixers)
{
    public static async Task<PatternEvidenceView> LoadAsync(AppDbContext db, PatternCandidate c, CancellationToken ct)
    {
        var stage = c.StageId is { } id ? await db.JourneyStages.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleAsync(ct) : null;
        var ids = c.Fixes.Select(f => f.ById).Distinct().ToList();
        var fixers = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return new PatternEvidenceView(c, stage, fixers);
    }
}

/// <summary>The question to leadership, with the evidence and how it was found, and the buttons that act on it.</summary>
public static class PatternMessage
{
    public const string Question = "What are we doing to customers that makes the frontline fix this again and again?";

    /// <summary>How many of its latest fixes a pattern shows as examples.</summary>
    public const int Examples = 3;

    public static string Title(PatternCandidate c, string? stage) => Title(c.Customer, c.Name, stage);

    public static string Title(FrontlinePattern p, string? stage) => Title(p.CustomerName, p.Name, stage);

    /// <summary>"fixes for Bright Smiles", or "“missed delivery replacement” at Delivery".</summary>
    public static string Title(string? customer, string name, string? stage) => customer is not null ? $"fixes for {customer}" : $"“{name}” at {stage}";

    /// <summary>
    /// The evidence in a sentence: "6 fixes at Delivery in the last 14 days share the words “a”, “b”, costing $210 together."
    /// </summary>
    /// <param name="when">When they were fixed: "in the last 14 days", or the days themselves.</param>
    public static string Found(PatternCandidate c, string? stage, string when, string money)
    {
        var found = c.Customer is { } customer
            ? $"{Format.Count(c.Fixes.Count, "fix", "fixes")} for {customer} {when}"
            : $"{Format.Count(c.Fixes.Count, "fix", "fixes")} at {stage} {when} share the words " + string.Join(", ", c.Shared.Select(w => $"“{w}”"));
        return found + (c.Cost > 0 ? $", costing {Format.Money(c.Cost, money)} together." : ".");
    }

    /// <summary>How many of the fixes each person made, most first, then by name.</summary>
    public static IEnumerable<(int ById, int Count)> Fixers(PatternCandidate c, IReadOnlyDictionary<int, Member> fixers) =>
        c.Fixes.CountBy(f => f.ById).OrderByDescending(x => x.Value)
            .ThenBy(x => fixers.GetValueOrDefault(x.Key)?.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(x => (x.Key, x.Value));

    public static string HowFound(PatternRule rule) =>
        $"How it was found: fixes at one journey stage sharing at least two significant words ({PatternWords.Explained}), "
        + $"or for one customer; {rule.Size} or more in {rule.WindowDays} days (the CCO's threshold). Raised once per window; "
        + $"dismissed or proposed as a stop, it stays quiet for {rule.QuietDays} days.";

    public static ChatMessage Compose(string reference, PatternEvidenceView v, PatternRule rule, string money)
    {
        var c = v.Candidate;
        var title = ReviewComposer.CommandText(Title(c, v.Stage), 100);
        return new ChatMessage([
            new HeaderBlock($"Frontline pattern: {reference}"),
            new TextBlock(RichText.Bold(Question)),
            new TextBlock(Found(c, v.Stage, $"in the last {rule.WindowDays} days", money)),
            new ListBlock([.. c.Fixes.Take(Examples).Select(f => Example(f, v.Fixers, money))]),
            new TextBlock(FixedBy(c, v.Fixers)),
            new ContextBlock(HowFound(rule)),
            new ActionsBlock([
                new ActionButton("Propose a stop", $"stop propose \"{ActionButton.AnswerSlot}\" re:{reference}", ButtonStyle.Primary,
                    AskFor: $"What should we stop doing, so the frontline need not fix {title} again?"),
                new ActionButton("Record a decision", $"decide {ActionButton.AnswerSlot} owner:me re:{reference}",
                    AskFor: $"What did leadership decide about {title}?"),
                new ActionButton("Dismiss", $"pattern dismiss {reference} \"{ActionButton.AnswerSlot}\"",
                    AskFor: $"Why is {title} not worth acting on? (it stays quiet for {rule.QuietDays} days)"),
            ]),
        ]);
    }

    static RichText Example(PatternFix f, IReadOnlyDictionary<int, Member> fixers, string money)
    {
        var spans = new List<Span> { new TextSpan(Refs.Of(Refs.Resolution, f.Id), Bold: true), new TextSpan($" {f.What} · ") };
        if (fixers.TryGetValue(f.ById, out var m)) spans.Add(MentionSpan.Of(m));
        spans.Add(new TextSpan(", "));
        spans.Add(new DateSpan(DateOnly.FromDateTime(f.At)));
        if (f.Cost is > 0) spans.Add(new TextSpan($", {Format.Money(f.Cost.Value, money)}"));
        return new RichText(spans);
    }

    static RichText FixedBy(PatternCandidate c, IReadOnlyDictionary<int, Member> fixers)
    {
        var spans = new List<Span> { new TextSpan("Fixed by ") };
        foreach (var (by, count) in Fixers(c, fixers))
        {
            if (spans.Count > 1) spans.Add(new TextSpan(", "));
            if (fixers.TryGetValue(by, out var m)) spans.Add(MentionSpan.Of(m));
            spans.Add(new TextSpan($" ({count})"));
        }
        return new RichText([.. spans, new TextSpan(".")]);
    }
}
