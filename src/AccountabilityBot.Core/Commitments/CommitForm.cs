using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.Commitments;

/// <summary>The form for <c>commit</c>.</summary>
public static class CommitForm
{
    public static FormSpec Spec { get; } = new("commit", "New commitment", "Make a commitment",
    [
        new("title", "What will you do?", FieldKind.Text) { Placeholder = "Fix the onboarding email sequence" },
        new("due", "Due", FieldKind.Date),
        new("owner", "Owner", FieldKind.Person) { Required = false, Hint = "You, if left empty." },
        new("stage", "Journey stage", FieldKind.Choice) { Required = false, Choices = ChoiceSource.JourneyStages },
    ],
    v => new CommandLine("commit").Text(v["title"]).Option("due", v["due"]).Option("owner", v["owner"]).Option("stage", v["stage"]));
}
