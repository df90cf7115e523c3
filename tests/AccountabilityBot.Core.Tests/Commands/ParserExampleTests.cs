using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Core.StopList;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>The work verbs: decide, commit, update, done, stop, resolved and the customer events.</summary>
public sealed class ParserExampleTests
{
    public static TheoryData<string, ChatCommand> Examples => new()
    {
        // The examples from the brief, verbatim.
        { "decide Waive the cancellation fee for customers hit by the October outage owner:@maria due:2026-12-15 re:L-5",
            new DecideCommand("Waive the cancellation fee for customers hit by the October outage", MemberRef.ByName("maria"), D(2026, 12, 15), "L-5") },
        { "commit Fix the onboarding email sequence owner:@tom due:friday stage:Onboard",
            new CommitCommand("Fix the onboarding email sequence", MemberRef.ByName("tom"), D(2026, 11, 27), "Onboard", null) },
        { "update C-7 at-risk \"vendor slipped a week\"", new UpdateCommitmentCommand(7, CommitmentStatus.AtRisk, "vendor slipped a week", null) },
        { "done C-7", new UpdateCommitmentCommand(7, CommitmentStatus.Done, null, null) },
        { "stop propose \"Manager approval for refunds under $50\" owner:@ana review:2027-01-15",
            new StopProposeCommand("Manager approval for refunds under $50", MemberRef.ByName("ana"), D(2027, 1, 15), null) },
        { "resolved \"Refunded shipping for a late delivery\" customer:\"ACME Dental\" stage:Delivery cost:25",
            new ResolvedCommand("Refunded shipping for a late delivery", "ACME Dental", "Delivery", 25m) },
        { "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries in October...\"",
            new CustomerEventCommand(
                CustomerEventKind.Lost, "ACME Dental", 36000m, "missed deliveries", "Three missed deliveries in October...", null, null, null) },

        // Prefixes, case, smart quotes, odd spaces.
        { "/cx decide Ship it", new DecideCommand("Ship it", null, null, null) },
        { "cx DECIDE   ship   it", new DecideCommand("ship it", null, null, null) },
        { "decide \u201CSmart quoted title\u201D owner:<@U123ABC|maria>",
            new DecideCommand("Smart quoted title", MemberRef.ById("U123ABC", "maria"), null, null) },
        { "decide Pause\u00A0hiring owner:<@U1> re:l5", new DecideCommand("Pause hiring", MemberRef.ById("U1"), null, "L-5") },
        { "decide Pause hiring owner:me re:s-3", new DecideCommand("Pause hiring", MemberRef.Self, null, "S-3") },
        { "decide Don't chase invoices before day 30 re:E-1", new DecideCommand("Don't chase invoices before day 30", null, null, "E-1") },
        // Words with colons that aren't this verb's options stay text.
        { "decide Use https://status.example.com for outage notes", new DecideCommand("Use https://status.example.com for outage notes", null, null, null) },
        { "decide Standup moves to note: 3pm", new DecideCommand("Standup moves to note: 3pm", null, null, null) },
        { "decide Owner:@ana leads it", new DecideCommand("leads it", MemberRef.ByName("ana"), null, null) },

        // Dates that run over several words, wherever they sit.
        { "commit Call ACME due:in 2 weeks stage:\"Get help\"", new CommitCommand("Call ACME", null, D(2026, 12, 10), "Get help", null) },
        { "commit Call ACME due:next monday owner:@ana", new CommitCommand("Call ACME", MemberRef.ByName("ana"), D(2026, 11, 30), null, null) },
        { "commit due:dec 15 Call ACME", new CommitCommand("Call ACME", null, D(2026, 12, 15), null, null) },
        { "commit Plan 2028 budget due:15 dec 2027", new CommitCommand("Plan 2028 budget", null, D(2027, 12, 15), null, null) },
        { "commit \"Call ACME\" due:tomorrow re:D-2", new CommitCommand("Call ACME", null, D(2026, 11, 27), null, "D-2") },
        { "commit Call ACME due:\"next monday\"", new CommitCommand("Call ACME", null, D(2026, 11, 30), null, null) },
        { "commit Call ACME due:today", new CommitCommand("Call ACME", null, Today, null, null) },
        { "commit Call ACME due:end of week", new CommitCommand("Call ACME", null, D(2026, 11, 27), null, null) },

        // update and done.
        { "update C-7 ontrack", new UpdateCommitmentCommand(7, CommitmentStatus.OnTrack, null, null) },
        { "update c7 Blocked waiting on legal due:2026-12-20", new UpdateCommitmentCommand(7, CommitmentStatus.Blocked, "waiting on legal", D(2026, 12, 20)) },
        { "update C-7 dropped", new UpdateCommitmentCommand(7, CommitmentStatus.Dropped, null, null) },
        { "update C-7 on_track due:in 3 days", new UpdateCommitmentCommand(7, CommitmentStatus.OnTrack, null, D(2026, 11, 29)) },
        { "done C-12 \"shipped to every region\"", new UpdateCommitmentCommand(12, CommitmentStatus.Done, "shipped to every region", null) },

        // stop.
        { "stop", new StopListCommand() },
        { "stop LIST", new StopListCommand() },
        { "stop agree S-3 review:2027-03-01", new StopDecisionCommand(3, StopAction.Agree, D(2027, 3, 1)) },
        { "stop keep S-3", new StopDecisionCommand(3, StopAction.Keep, null) },
        { "stop reinstate s-3", new StopDecisionCommand(3, StopAction.Reinstate, null) },
        { "stop propose Weekly status deck why:\"nobody reads it\" review:in 2 months",
            new StopProposeCommand("Weekly status deck", null, D(2027, 1, 26), "nobody reads it") },

        // resolved and customer events.
        { "resolved Fixed the invoice", new ResolvedCommand("Fixed the invoice", null, null, null) },
        { "resolved \"Refund\" cost:$1,250.50", new ResolvedCommand("Refund", null, null, 1250.50m) },
        { "won \"Bright Smiles\" value:24k reason:\"fast onboarding\" on:yesterday",
            new CustomerEventCommand(CustomerEventKind.Won, "Bright Smiles", 24000m, "fast onboarding", null, null, D(2026, 11, 25), null) },
        { "renewed ACME Dental value:1.5m group:Enterprise",
            new CustomerEventCommand(CustomerEventKind.Renewed, "ACME Dental", 1500000m, null, null, "Enterprise", null, null) },
        { "referral \"Northside Clinic\" by:\"ACME Dental\"",
            new CustomerEventCommand(CustomerEventKind.Referral, "Northside Clinic", null, null, null, null, null, "ACME Dental") },
        { "lost 'ACME Dental' value:36,000 on:2026-11-02",
            new CustomerEventCommand(CustomerEventKind.Lost, "ACME Dental", 36000m, null, null, null, D(2026, 11, 2), null) },
        { "lost \u2018ACME\u2019s Dental\u2019 value:36000 on:last friday",
            new CustomerEventCommand(CustomerEventKind.Lost, "ACME's Dental", 36000m, null, null, null, D(2026, 11, 20), null) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_ValidWorkCommand_ProducesExactRecord(string text, ChatCommand expected)
    {
        var result = Parse(text);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Command);
    }
}
