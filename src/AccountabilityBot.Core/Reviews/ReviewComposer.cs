using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

/// <summary>
/// Turns a <see cref="ReviewSnapshot"/> into the weekly customer review. Pure: same snapshot, same message.
/// Every section keeps its title and says plainly when it is empty, so leaders learn where to look;
/// only sub-parts (proposed stops, renewal reasons, the escalation legend) disappear when there is nothing to show.
/// </summary>
public static partial class ReviewComposer
{
    /// <summary>Longest list a section shows before "and N more", so Slack and Teams can fit the whole review.</summary>
    public const int MaxListed = 10;

    /// <summary>Items with buttons are fewer: each one adds a row of actions.</summary>
    public const int MaxWithButtons = 5;

    /// <summary>Asks the bot for the clicker's own sign-in link: a button can carry no link that works for everyone.</summary>
    public static ActionsBlock OpenTheDashboard { get; } = new([new ActionButton("Open the dashboard", "dashboard")]);

    public static ChatMessage Compose(ReviewSnapshot s, BotSettings settings)
    {
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"Weekly customer review — week of {s.Period.WeekLabel}"),
            new ContextBlock(RichText.Of(
                new TextSpan("Covers "), new DateSpan(s.Period.WeekFrom), new TextSpan(" to "), new DateSpan(s.Period.WeekTo),
                new TextSpan($"; {s.Period.QuarterLabel} to date runs from "), new DateSpan(s.Period.QuarterFrom), new TextSpan("."))),
        };
        var money = settings.CurrencySymbol;
        Section(blocks, MarbleJar(s, money));
        Section(blocks, WhyTheyLeft(s, money));
        Section(blocks, RenewalsAndReferrals(s, money));
        Section(blocks, StoryOfTheWeek(s.Story, money));
        Section(blocks, StopList(s));
        Section(blocks, OverdueCommitments(s, settings.EscalateAfterDays));
        Section(blocks, DecisionsThisWeek(s));
        if (s.FollowThrough is { } followThrough) Section(blocks, FollowThrough(followThrough));
        if (s.Reliability.Count > 0) Section(blocks, ReliabilityWatch(s));
        Section(blocks, FrontlineTally(s, money));
        Section(blocks, LeadersAnswers(s));
        blocks.Add(new DividerBlock());
        blocks.Add(OpenTheDashboard);
        return new ChatMessage(blocks);
    }

    static void Section(List<MessageBlock> blocks, IEnumerable<MessageBlock> section)
    {
        blocks.Add(new DividerBlock());
        blocks.AddRange(section);
    }

    static TextBlock Title(string text) => new(RichText.Bold(text));

    static TextBlock Empty(string text) => new(text);

    /// <summary>The first <paramref name="max"/> items as a list, then "and N more" when some were left off.</summary>
    static IEnumerable<MessageBlock> Bounded(IReadOnlyList<RichText> items, int max = MaxListed, string? more = null)
    {
        yield return new ListBlock([.. items.Take(max)]);
        if (items.Count > max) yield return More(items.Count - max, more);
    }

    static ContextBlock More(int leftOff, string? where) => new($"…and {leftOff} more{(where is null ? "" : $" — {where}")}.");

    /// <summary>"3 customers · $42,000 a year".</summary>
    public static string Amount(Tally t, string money) => $"{Format.Count(t.Count, "customer")} · {Format.Money(t.Value, money)} a year";

    /// <summary>"+3 customers, +$42,000 a year" or "−2 customers, −$18,000 a year"; zero carries no sign.</summary>
    public static string Net(Tally won, Tally lost, string money)
    {
        var count = won.Count - lost.Count;
        var value = Math.Round(won.Value - lost.Value, 0, MidpointRounding.AwayFromZero);
        return $"{Sign(count)}{Format.Count(Math.Abs(count), "customer")}, {Sign(value)}{Format.Money(Math.Abs(value), money)} a year";
    }

    // A real minus sign, not a hyphen: it reads as a number, and it is what the leadership deck would show.
    public static string Sign(decimal n) => n > 0 ? "+" : n < 0 ? "−" : "";

    /// <summary>Ranked by count, then value, then name, so two reviews of the same week list reasons alike.</summary>
    public static IReadOnlyList<ReasonTally> Ranked(IEnumerable<ReasonTally> reasons) =>
        [.. reasons.OrderByDescending(r => r.Count).ThenByDescending(r => r.Value).ThenBy(r => r.Reason, StringComparer.Ordinal)];

    /// <summary>Shortens free text at a word boundary, marking the cut.</summary>
    static string Trim(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }
}
