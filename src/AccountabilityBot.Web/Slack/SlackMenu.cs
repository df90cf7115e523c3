using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// `/cx` with nothing after it: the common things to record, as buttons. Those that need words open a form (the
/// AskFor modal), so nobody has to remember the grammar to record a decision, a commitment, a resolution or a stop.
/// </summary>
public static class SlackMenu
{
    const string Answer = ActionButton.AnswerSlot;

    public static readonly ChatMessage Message = new([
        new TextBlock(RichText.Bold("What would you like to record?")),
        new ActionsBlock([
            new("Record a decision", $"decide {Answer} owner:me", ButtonStyle.Primary, AskFor: "What did leadership decide? (You will own it.)"),
            new("Make a commitment", $"commit {Answer} owner:me due:in 1 week", AskFor: "What will you do? It is due in a week; change that with /cx update."),
            new("Log a resolution", $"resolved \"{Answer}\"", AskFor: "What did you resolve for a customer, without waiting for approval?"),
            new("Propose a stop", $"stop propose \"{Answer}\"", AskFor: "What should the company stop doing?"),
        ]),
        new ActionsBlock([new("What I own", "mine"), new("Preview the review", "review"), new("All commands", "help")]),
        new ContextBlock("Or type it: `/cx help` lists every command."),
    ]);
}
