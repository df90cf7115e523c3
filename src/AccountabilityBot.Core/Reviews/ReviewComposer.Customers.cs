using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

// The guerilla metrics: customers won and lost, why they left, who renewed and referred — in whole numbers.
public static partial class ReviewComposer
{
    /// <summary>Marbles drawn per jar before the rest are counted as "+N", so a big week still fits on one line.</summary>
    public const int MaxMarbles = 20;

    static IEnumerable<MessageBlock> MarbleJar(ReviewSnapshot s, string money)
    {
        var quarter = s.Period.QuarterLabel;
        yield return Title("The marble jar");
        yield return new FieldsBlock(
        [
            new("Won this week", Amount(s.Week.Won, money)),
            new("Lost this week", Amount(s.Week.Lost, money)),
            new($"Won in {quarter} so far", Amount(s.Quarter.Won, money)),
            new($"Lost in {quarter} so far", Amount(s.Quarter.Lost, money)),
        ]);
        yield return new TextBlock(RichText.Of(new TextSpan("Net this week: ", Bold: true), new TextSpan(Net(s.Week.Won, s.Week.Lost, money))));
        yield return new TextBlock(RichText.Of(new TextSpan($"Net {quarter} so far: ", Bold: true), new TextSpan(Net(s.Quarter.Won, s.Quarter.Lost, money))));
        yield return new ContextBlock($"This week: {Marbles(s.Week.Won.Count, "🟢")} won vs {Marbles(s.Week.Lost.Count, "🔴")} lost");
        if (s.Trend is { Count: > 0 } trend && JarChart.WorthDrawing(s.Week.Won, s.Week.Lost, trend))
            yield return JarChart.Of($"The marble jar — week of {s.Period.WeekLabel}", "this week", s.Week.Won, s.Week.Lost, trend, money);
    }

    internal static string Marbles(int count, string marble) => count switch
    {
        0 => "none",
        <= MaxMarbles => string.Concat(Enumerable.Repeat(marble, count)),
        _ => string.Concat(Enumerable.Repeat(marble, MaxMarbles)) + $" +{count - MaxMarbles}",
    };

    static IEnumerable<MessageBlock> WhyTheyLeft(ReviewSnapshot s, string money)
    {
        yield return Title("Why customers left");
        if (s.Week.LostReasons.Count == 0 && s.Quarter.LostReasons.Count == 0)
        {
            yield return Empty($"No customers lost this week, nor in {s.Period.QuarterLabel} so far.");
            yield break;
        }
        var thisWeek = s.Week.LostReasons.Count > 0;
        if (!thisWeek)
            yield return new ContextBlock($"No customers lost this week; these are the reasons for {s.Period.QuarterLabel} so far.");
        var items = Ranked(thisWeek ? s.Week.LostReasons : s.Quarter.LostReasons)
            .Select(r => (RichText)$"{r.Reason} — {Amount(new Tally(r.Count, r.Value), money)}").ToList();
        foreach (var block in Bounded(items)) yield return block;
    }

    static IEnumerable<MessageBlock> RenewalsAndReferrals(ReviewSnapshot s, string money)
    {
        yield return Title("Renewals and referrals by customer group");
        var groups = s.Week.Groups
            .OrderByDescending(g => g.Renewed.Value + g.Referred.Value).ThenBy(g => g.Group, StringComparer.Ordinal)
            .Select(g => GroupLine(g, money)).ToList();
        if (groups.Count == 0) yield return Empty("No renewals or referrals this week.");
        else foreach (var block in Bounded(groups)) yield return block;

        var weekReasons = s.Week.RenewalReasons.Count > 0;
        var reasons = Ranked(weekReasons ? s.Week.RenewalReasons : s.Quarter.RenewalReasons);
        if (reasons.Count > 0)
            yield return new TextBlock(RichText.Of(
                new TextSpan(weekReasons ? "Why they renewed: " : $"Why they renewed in {s.Period.QuarterLabel} so far: ", Bold: true),
                new TextSpan(string.Join(", ", reasons.Take(3).Select(r => $"{r.Reason} ({r.Count})")))));
        yield return new ContextBlock(
            $"{s.Period.QuarterLabel} so far: {Format.Count(s.Quarter.Renewed.Count, "renewal")} ({Format.Money(s.Quarter.Renewed.Value, money)} a year), " +
            $"{Format.Count(s.Quarter.Referred.Count, "referral")} ({Format.Money(s.Quarter.Referred.Value, money)} a year).");
    }

    static RichText GroupLine(GroupTally g, string money)
    {
        var parts = new List<string>();
        if (g.Renewed.Count > 0) parts.Add($"{Format.Count(g.Renewed.Count, "renewal")} ({Format.Money(g.Renewed.Value, money)} a year)");
        if (g.Referred.Count > 0) parts.Add($"{Format.Count(g.Referred.Count, "referral")} ({Format.Money(g.Referred.Value, money)} a year)");
        return RichText.Of(new TextSpan(g.Group, Bold: true), new TextSpan(": " + string.Join(" · ", parts)));
    }
}
