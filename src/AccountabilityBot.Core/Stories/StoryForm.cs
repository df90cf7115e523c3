using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.Stories;

/// <summary>The form for <c>story "customer" "what happened"</c>.</summary>
public static class StoryForm
{
    public static FormSpec Spec { get; } = new("story", "A lost customer's story", "Tell a lost customer's story",
    [
        new("customer", "Which customer left?", FieldKind.Text) { Placeholder = "ACME Dental" },
        new("text", "What happened to them?", FieldKind.LongText) { Placeholder = "Three missed deliveries in October, and nobody called." },
    ],
    v => new CommandLine("story").Text(v["customer"]).Text(v["text"]));
}
