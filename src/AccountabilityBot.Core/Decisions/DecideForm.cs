using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Decisions;

/// <summary>The form for <c>decide</c>.</summary>
public static class DecideForm
{
    public static FormSpec Spec { get; } = new("decide", "New decision", "Record a decision",
    [
        new("text", "What did leadership decide?", FieldKind.LongText)
            { MaxLength = Limits.Title, Placeholder = "Waive the fee for outage customers" },
        new("owner", "Owner", FieldKind.Person) { Required = false },
        new("due", "Done by", FieldKind.Date) { Required = false },
        new("re", "Prompted by", FieldKind.Text) { Required = false, MaxLength = 20, Placeholder = "L-5", Hint = "A reference such as L-5, S-3 or C-9." },
    ],
    v => new CommandLine("decide").Text(v["text"]).Option("owner", v["owner"]).Option("due", v["due"]).Option("re", v["re"]));
}
