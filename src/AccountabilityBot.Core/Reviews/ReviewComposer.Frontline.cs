using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

// What the frontline fixed without asking, and what leaders said when asked — the voices around the table.
public static partial class ReviewComposer
{
    const int MaxThanked = 3;

    static IEnumerable<MessageBlock> FrontlineTally(ReviewSnapshot s, string money)
    {
        yield return Title("Frontline: resolved without waiting for approval");
        if (s.Frontline.Count == 0)
        {
            yield return Empty("No frontline resolutions logged this week.");
            yield return new ContextBlock("Log one with `resolved \"what you did\" stage:NAME cost:25`.");
            yield break;
        }
        var stages = s.Frontline.OrderBy(t => t.Position).ThenBy(t => t.Stage, StringComparer.Ordinal)
            .Select(t => (RichText)$"{t.Stage} — {Format.Count(t.Count, "issue")} resolved · {Format.Money(t.Cost, money)}").ToList();
        foreach (var block in Bounded(stages)) yield return block;
        yield return new TextBlock($"{Format.Count(s.Frontline.Sum(t => t.Count), "issue")} resolved in total, " +
            $"costing {Format.Money(s.Frontline.Sum(t => t.Cost), money)}.");

        var top = s.Contributors.OrderByDescending(c => c.Count).ThenBy(c => c.Who.Name, StringComparer.Ordinal).ToList();
        if (top.Count > 0) yield return new TextBlock(ThankYou(top));
    }

    /// <summary>"🙏 Thank you @Ana (4), @Ben (2) and @Cy (1)." — the top few by name, the rest counted.</summary>
    static RichText ThankYou(IReadOnlyList<Contributor> top)
    {
        var named = top.Take(MaxThanked).ToList();
        var others = top.Count - named.Count;
        var spans = new List<Span> { new TextSpan("🙏 Thank you ") };
        for (var i = 0; i < named.Count; i++)
        {
            if (i > 0) spans.Add(new TextSpan(i == named.Count - 1 && others == 0 ? " and " : ", "));
            spans.Add(Mention(named[i].Who));
            spans.Add(new TextSpan($" ({named[i].Count})"));
        }
        if (others > 0) spans.Add(new TextSpan($" and {Format.Count(others, "other")}"));
        spans.Add(new TextSpan("."));
        return new RichText(spans);
    }

    static IEnumerable<MessageBlock> LeadersAnswers(ReviewSnapshot s)
    {
        yield return Title("Leaders' answers to last week's prompts");
        if (s.Answers.Count == 0)
        {
            yield return Empty("No answers to last week's prompts.");
            yield break;
        }
        var items = s.Answers.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Who.Name, StringComparer.Ordinal)
            .Select(a => RichText.Of(Mention(a.Who), new TextSpan($" on “{Trim(a.Question, 150)}”: {Trim(a.Answer, 300)}")))
            .ToList();
        foreach (var block in Bounded(items)) yield return block;
    }
}
