using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Customers;

/// <summary>
/// <c>lost "CUSTOMER" value:36000 reason:"..." [story:"..."] [group:NAME] [on:DATE]</c>, and likewise
/// <c>won</c>, <c>renewed</c> (reason = why they stayed) and <c>referral</c> (<c>by:"REFERRER"</c>).
/// </summary>
public sealed record CustomerEventCommand(
    CustomerEventKind Kind, string Customer, decimal? Value, string? Reason, string? Story,
    string? Group, DateOnly? On, string? ReferredBy) : ChatCommand;

/// <summary><c>lost</c>, <c>won</c>, <c>renewed</c> and <c>referral</c>: one command, one route, four verbs.</summary>
internal static class CustomerEventVerbs
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    public static FormSpec LostForm { get; } = new("lost", "Lost customer", "Record a lost customer",
    [
        new("customer", "Customer", FieldKind.Text) { Placeholder = "ACME Dental" },
        new("value", "Yearly value", FieldKind.Number) { Min = 0, Hint = "What they paid a year, e.g. 36000" },
        new("reason", "Why they left", FieldKind.Text) { Required = false },
        new("story", "Their story", FieldKind.LongText) { Required = false, Hint = "What happened, in their words if you can." },
    ],
    v => new CommandLine("lost").Text(v["customer"]).Option("value", v["value"]).Option("reason", v["reason"]).Option("story", v["story"]));

    static readonly CommandRoute Route = CommandRoute.For<CustomerEventCommand, CustomerEventHandler>(Role.Executive);

    public static Verb Lost { get; } = new("lost",
        "lost \"CUSTOMER\" value:AMOUNT [reason:\"WHY\"] [story:\"WHAT HAPPENED\"] [group:NAME] [on:DATE]",
        "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\"",
        "Record a lost customer, its yearly value and why.",
        i => Parse(i, CustomerEventKind.Lost), [Route]);

    public static Verb Won { get; } = new("won", "won \"CUSTOMER\" value:AMOUNT [reason:\"WHY\"] [group:NAME] [on:DATE]",
        "won \"Bright Smiles\" value:$24k reason:\"fast onboarding\"", "Record a new customer and its yearly value.",
        i => Parse(i, CustomerEventKind.Won), [Route]);

    public static Verb Renewed { get; } = new("renewed",
        "renewed \"CUSTOMER\" value:AMOUNT [reason:\"WHY THEY STAYED\"] [group:NAME] [on:DATE]",
        "renewed \"ACME Dental\" value:36,000 reason:\"the new account manager\"", "Record a renewal and why they stayed.",
        i => Parse(i, CustomerEventKind.Renewed), [Route]);

    public static Verb Referral { get; } = new("referral",
        "referral \"CUSTOMER\" [by:\"REFERRER\"] [value:AMOUNT] [reason:\"WHY\"] [group:NAME] [on:DATE]",
        "referral \"Northside Clinic\" by:\"ACME Dental\" value:12000", "Record a customer who came by referral.",
        i => Parse(i, CustomerEventKind.Referral), [Route]);

    // Every event verb knows every key, so "won ... story:..." gets a clear "only with lost" instead of
    // silently becoming part of the customer's name.
    static CustomerEventCommand Parse(CommandInput input, CustomerEventKind kind)
    {
        var verb = input.Verb;
        var args = input.Read("value", "reason", "story", "group", "on", "by");
        var customer = args.FreeText("customer name", Limits.Title)
            ?? throw new ParseFailure($"Which customer? Put the name right after `{verb}`, like {verb} \"ACME Dental\" value:36000");
        var value = args.Amount("value");
        if (value is null && kind != CustomerEventKind.Referral)
            throw new ParseFailure($"How much is {DidYouMean.Echo(customer)} worth a year? Add value:36000 (36k and $36,000 work too).");
        if (kind != CustomerEventKind.Lost && args.Has("story"))
            throw new ParseFailure($"story: only goes with `lost`; for {verb} use reason:\"...\" instead.");
        if (kind != CustomerEventKind.Referral && args.Has("by"))
            throw new ParseFailure($"by: only goes with `referral`; {verb} doesn't take it.");
        return new CustomerEventCommand(kind, customer, value, args.Text("reason", Limits.Note), args.Text("story", Limits.Note),
            args.Text("group", Limits.Title), args.PastDate("on"), args.Text("by", Limits.Title));
    }
}
