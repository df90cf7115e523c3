using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Resolutions;

/// <summary><c>resolved "WHAT" [customer:"NAME"] [stage:NAME] [cost:25]</c></summary>
public sealed record ResolvedCommand(string What, string? Customer, string? Stage, decimal? Cost) : ChatCommand;

internal static class ResolvedVerb
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    public static FormSpec Form { get; } = new("resolved", "Resolved it", "Log a resolution",
    [
        new("what", "What did you do for the customer?", FieldKind.LongText)
            { MaxLength = Limits.Title, Placeholder = "Refunded shipping for a late delivery" },
        new("customer", "Customer", FieldKind.Text) { Required = false, Placeholder = "ACME Dental" },
        new("stage", "Journey stage", FieldKind.Choice) { Required = false, Choices = ChoiceSource.JourneyStages },
        new("cost", "Cost", FieldKind.Number) { Required = false, Min = 0, Hint = "What it cost, e.g. 25" },
    ],
    v => new CommandLine("resolved").Text(v["what"]).Option("customer", v["customer"]).Option("stage", v["stage"]).Option("cost", v["cost"]));

    public static Verb Verb { get; } = new("resolved", "resolved \"WHAT\" [customer:\"NAME\"] [stage:NAME] [cost:AMOUNT]",
        "resolved \"Refunded shipping for a late delivery\" customer:\"ACME Dental\" stage:Delivery cost:25",
        "Log a customer problem someone fixed, and what it cost.",
        Parse, [CommandRoute.For<ResolvedCommand, ResolvedHandler>(Role.Frontline)]);

    static ResolvedCommand Parse(CommandInput input)
    {
        var args = input.Read("customer", "stage", "cost");
        var what = args.FreeText("description", Limits.Title)
            ?? throw new ParseFailure("What was resolved? Put it in quotes: resolved \"Refunded shipping for a late delivery\"");
        return new ResolvedCommand(what, args.Text("customer", Limits.Title), args.Text("stage", Limits.Title), args.Amount("cost"));
    }
}
