using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.Customers;

/// <summary>The form for <c>lost</c>: a customer who left, and why.</summary>
public static class LostForm
{
    public static FormSpec Spec { get; } = new("lost", "Lost customer", "Record a lost customer",
    [
        new("customer", "Customer", FieldKind.Text) { Placeholder = "ACME Dental" },
        new("value", "Yearly value", FieldKind.Number) { Min = 0, Hint = "What they paid a year, e.g. 36000" },
        new("reason", "Why they left", FieldKind.Text) { Required = false },
        new("story", "Their story", FieldKind.LongText) { Required = false, Hint = "What happened, in their words if you can." },
    ],
    v => new CommandLine("lost").Text(v["customer"]).Option("value", v["value"]).Option("reason", v["reason"]).Option("story", v["story"]));
}
