namespace AccountabilityBot.Core.Commands;

/// <summary>How to use one verb: its form(s) one per line, one example that parses, and what it is for.</summary>
public sealed record VerbHelp(string Verb, string Usage, string Example, string Description);

/// <summary>
/// Every verb the parser knows, in the order <c>help</c> lists them. Parse errors quote the same usage, so
/// help and errors can't drift apart; a test parses every example.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<VerbHelp> All { get; } =
    [
        new("decide", "decide TEXT [owner:@name] [due:DATE] [re:L-5]",
            "decide Waive the fee for outage customers owner:@maria due:friday re:L-5",
            "Record a leadership decision, with an owner and a date if it has them."),
        new("commit", "commit TITLE due:DATE [owner:@name] [stage:NAME] [re:L-5]",
            "commit Fix the onboarding email sequence owner:@tom due:friday stage:Onboard",
            "Commit to an improvement by a date; the owner is you unless you name someone."),
        new("update", "update C-7 STATUS [\"NOTE\"] [due:DATE]   (STATUS: on-track, at-risk, blocked, done, dropped)",
            "update C-7 at-risk \"vendor slipped a week\"",
            "Change a commitment's status, with a note and a new due date if needed."),
        new("done", "done C-7 [\"NOTE\"]", "done C-7 \"shipped to every region\"", "Mark a commitment done."),
        new("mine", "mine", "mine", "Show your open commitments, the decisions you own and your stop items."),
        new("stop",
            "stop propose \"TITLE\" [owner:@name] [review:DATE] [why:\"REASON\"]\nstop agree S-3 [review:DATE]\n"
            + "stop keep S-3 [review:DATE]\nstop reinstate S-3\nstop list",
            "stop propose \"Manager approval for refunds under $50\" owner:@ana review:in 2 months",
            "Propose, agree, keep or reinstate things to stop doing; bare `stop` lists them."),
        new("resolved", "resolved \"WHAT\" [customer:\"NAME\"] [stage:NAME] [cost:AMOUNT]",
            "resolved \"Refunded shipping for a late delivery\" customer:\"ACME Dental\" stage:Delivery cost:25",
            "Log a customer problem someone fixed, and what it cost."),
        new("lost", "lost \"CUSTOMER\" value:AMOUNT [reason:\"WHY\"] [story:\"WHAT HAPPENED\"] [group:NAME] [on:DATE]",
            "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\"",
            "Record a lost customer, its yearly value and why."),
        new("won", "won \"CUSTOMER\" value:AMOUNT [reason:\"WHY\"] [group:NAME] [on:DATE]",
            "won \"Bright Smiles\" value:$24k reason:\"fast onboarding\"", "Record a new customer and its yearly value."),
        new("renewed", "renewed \"CUSTOMER\" value:AMOUNT [reason:\"WHY THEY STAYED\"] [group:NAME] [on:DATE]",
            "renewed \"ACME Dental\" value:36,000 reason:\"the new account manager\"", "Record a renewal and why they stayed."),
        new("referral", "referral \"CUSTOMER\" [by:\"REFERRER\"] [value:AMOUNT] [reason:\"WHY\"] [group:NAME] [on:DATE]",
            "referral \"Northside Clinic\" by:\"ACME Dental\" value:12000", "Record a customer who came by referral."),
        new("story", "story\nstory L-5\nstory L-5 \"TEXT\"\nstory \"CUSTOMER\" \"TEXT\"\nstory pick L-5",
            "story \"ACME Dental\" \"Three missed deliveries in October, and nobody called them.\"",
            "Show, tell or pick the story of a lost customer."),
        new("jar", "jar\njar week|month|quarter\njar 2026-10-01..2026-12-31", "jar quarter",
            "The marble jar: customers won and lost, their yearly value and the net, with the 12-week trend."),
        new("why", "why lost [week|month|quarter|FROM..TO]", "why lost quarter",
            "Why customers left, ranked by how many and what they were worth (quarter to date unless you say)."),
        new("review", "review", "review", "Preview this week's customer review here, now."),
        new("cadence", "cadence\ncadence KIND DAYS TIME [ZONE]\ncadence KIND pause|resume|preview|send\n"
            + "(KIND: " + string.Join(", ", Domain.CadenceKinds.All) + "; DAYS: mon, mon,thu, weekdays or daily)",
            "cadence review mon 08:00 America/New_York", "Show or change when scheduled posts go out."),
        new("role", "role\nrole @name cco|executive|frontline", "role @tom executive", "List the roster, or set someone's role."),
        new("stage", "stage\nstage add NAME [after:NAME]\nstage remove NAME\nstage rename OLD NEW",
            "stage add \"Get help\" after:Onboard", "List or edit the customer journey stages."),
        new("channel", "channel\nchannel leadership|frontline\nchannel remove", "channel leadership",
            "List channel bindings, bind this conversation, or unbind it."),
        new("me", "me\nme tz:ZONE\nme away\nme back", "me tz:Europe/Paris", "Show or change your own settings."),
        new("answer", "answer [P-4] TEXT", "answer P-4 \"We lost them on slow refunds.\"", "Answer a question the bot asked you."),
        new("apikey", "apikey\napikey create NAME\napikey revoke NAME", "apikey create hubspot",
            "List, create or revoke keys for the HTTP API (CRM webhooks, imports, exports, the dashboard)."),
        new("help", "help [COMMAND]", "help commit", "List the commands, or explain one."),
    ];

    static readonly Dictionary<string, VerbHelp> ByVerb = All.ToDictionary(v => v.Verb, StringComparer.OrdinalIgnoreCase);

    public static VerbHelp? Find(string verb) => string.IsNullOrWhiteSpace(verb) ? null : ByVerb.GetValueOrDefault(verb.Trim());

    /// <summary>The usage plus the example, as shown under an error.</summary>
    internal static string? UsageFor(string verb) =>
        Find(verb) is { } help ? $"{help.Usage}\nExample: {help.Example}" : null;
}
