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
    const int Examples = 3;

    public static string Title(PatternCandidate c, string? stage) =>
        c.Customer is { } customer ? $"fixes for {customer}" : $"“{c.Name}” at {stage}";

    public static ChatMessage Compose(string reference, PatternEvidenceView v, PatternRule rule, string money)
    {
        var c = v.Candidate;
        var found = c.Customer is { } customer
            ? $"{Format.Count(c.Fixes.Count, "fix", "fixes")} for {customer} in the last {rule.WindowDays} days"
            : $"{Format.Count(c.Fixes.Count, "fix", "fixes")} at {v.Stage} in the last {rule.WindowDays} days share the words "
                + string.Join(", ", c.Shared.Select(w => $"“{w}”"));
        var cost = c.Cost > 0 ? $", costing {Format.Money(c.Cost, money)} together" : "";
        var title = ReviewComposer.CommandText(Title(c, v.Stage), 100);
        return new ChatMessage([
            new HeaderBlock($"Frontline pattern: {reference}"),
            new TextBlock(RichText.Bold(Question)),
            new TextBlock($"{found}{cost}."),
            new ListBlock([.. c.Fixes.Take(Examples).Select(f => Example(f, v.Fixers, money))]),
            new TextBlock(FixedBy(c, v.Fixers)),
            new ContextBlock($"How it was found: fixes at one journey stage sharing at least two significant words ({PatternWords.Explained}), "
                + $"or for one customer; {rule.Size} or more in {rule.WindowDays} days (the CCO's threshold). Raised once per window; "
                + $"dismissed or proposed as a stop, it stays quiet for {rule.QuietDays} days."),
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
        foreach (var (by, count) in c.Fixes.CountBy(f => f.ById).OrderByDescending(x => x.Value)
                     .ThenBy(x => fixers.GetValueOrDefault(x.Key)?.DisplayName, StringComparer.OrdinalIgnoreCase))
        {
            if (spans.Count > 1) spans.Add(new TextSpan(", "));
            if (fixers.TryGetValue(by, out var m)) spans.Add(MentionSpan.Of(m));
            spans.Add(new TextSpan($" ({count})"));
        }
        return new RichText([.. spans, new TextSpan(".")]);
    }
}
