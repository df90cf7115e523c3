using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.StopList;

/// <summary>The form for <c>stop propose</c>.</summary>
public static class StopForm
{
    public static FormSpec Spec { get; } = new("stop", "Stop doing", "Propose a stop",
    [
        new("title", "What should the company stop doing?", FieldKind.Text) { Placeholder = "Manager approval for small refunds" },
        new("why", "Why", FieldKind.LongText) { Required = false },
    ],
    v => new CommandLine("stop propose").Text(v["title"]).Option("why", v["why"]));
}
