using System.Text.RegularExpressions;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

// The listening path: one lost customer's story, told as a narrative, with a way to act on it right there.
public static partial class ReviewComposer
{
    /// <summary>About a minute's reading; the rest is one <c>story L-n</c> away.</summary>
    public const int MaxNarrative = 1500;

    static IEnumerable<MessageBlock> StoryOfTheWeek(StoryView? story, string money)
    {
        yield return Title("Lost-customer story of the week");
        if (story is null)
        {
            yield return Empty("No untold lost-customer story this week.");
            yield return new ContextBlock("Tell one with `story \"CUSTOMER\" \"what happened\"`; the CCO can choose one with `story pick L-n`.");
            yield break;
        }
        foreach (var block in StoryDetails(story, money)) yield return block;
    }

    /// <summary>A lost customer's story with its facts and the buttons to act on it; also posted on its own when new.</summary>
    public static IEnumerable<MessageBlock> StoryDetails(StoryView story, string money)
    {
        var reference = Refs.Of(Refs.LostStory, story.Id);
        yield return new FieldsBlock(
        [
            new("Customer", story.Group is null ? story.Customer : $"{story.Customer} ({story.Group})"),
            new("Worth", $"{Format.Money(story.Value, money)} a year"),
            new("Lost on", RichText.Of(new DateSpan(story.LostOn))),
            new("Why they left", string.IsNullOrWhiteSpace(story.Reason) ? Customers.Metrics.CustomerTotalsQuery.NoReason : story.Reason.Trim()),
        ]);
        yield return new TextBlock(Trim(story.Narrative, MaxNarrative));
        yield return new ContextBlock(story.Narrative.Trim().Length > MaxNarrative
            ? $"{reference} · read it all with `story {reference}` · What will we do about it?"
            : $"{reference} · What will we do about it?");
        yield return new ActionsBlock(StoryButtons(story));
    }

    /// <summary>
    /// Buttons run ordinary commands as whoever clicks them: follow-up and decision are owned by the clicker,
    /// and the stop is only proposed, so the room still has to agree to it.
    /// </summary>
    public static ActionButton[] StoryButtons(StoryView story)
    {
        var reference = Refs.Of(Refs.LostStory, story.Id);
        var customer = CommandText(story.Customer, 80);
        var stop = story.Reason is { } reason && !string.IsNullOrWhiteSpace(reason) ? CommandText(reason, 120) : $"What made {customer} leave";
        return
        [
            new("Own the follow-up", $"commit Follow up with {customer} owner:me due:in 1 week re:{reference}", ButtonStyle.Primary),
            new("Record a decision", $"decide {ActionButton.AnswerSlot} owner:me re:{reference}",
                AskFor: $"What did leadership decide about {customer}?"),
            new("Propose a stop", $"stop propose \"{ActionButton.AnswerSlot}\" why:\"Why {customer} left ({reference})\"",
                AskFor: $"What should we stop doing? ({customer} left because: {stop})"),
        ];
    }

    /// <summary>
    /// Makes free text safe inside a command: a colon would start an option and a double quote would end a value.
    /// </summary>
    internal static string CommandText(string text, int max)
    {
        var safe = Whitespace().Replace(text.Replace('"', '\'').Replace(':', ' '), " ").Trim();
        return safe.Length <= max ? safe : safe[..max].TrimEnd();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
