using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Resolutions;

/// <summary>The form for <c>resolved</c>.</summary>
public static class ResolvedForm
{
    public static FormSpec Spec { get; } = new("resolved", "Resolved it", "Log a resolution",
    [
        new("what", "What did you do for the customer?", FieldKind.LongText)
            { MaxLength = Limits.Title, Placeholder = "Refunded shipping for a late delivery" },
        new("customer", "Customer", FieldKind.Text) { Required = false, Placeholder = "ACME Dental" },
        new("stage", "Journey stage", FieldKind.Choice) { Required = false, Choices = ChoiceSource.JourneyStages },
        new("cost", "Cost", FieldKind.Number) { Required = false, Min = 0, Hint = "What it cost, e.g. 25" },
    ],
    v => new CommandLine("resolved").Text(v["what"]).Option("customer", v["customer"]).Option("stage", v["stage"]).Option("cost", v["cost"]));
}
