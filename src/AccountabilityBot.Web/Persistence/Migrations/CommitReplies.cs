namespace AccountabilityBot.Web.Persistence.Migrations;

/// <summary>
/// How the answer to `commit` reads in the inbox (ReceivedCommands.ReplyJson, kept for every command), for a migration that
/// recovers what only that answer recorded: "✅ Recorded commitment C-7: …", then "… · due Fri 11 Dec 2026", as MessageJson
/// stores it. A person's own words are JSON-escaped there, so their quotes never make these marks.
/// </summary>
internal static class CommitReplies
{
    /// <summary>Followed by the commitment's number, then a quote.</summary>
    public const string Made = "Recorded commitment \",\"bold\":false},{\"span\":\"text\",\"text\":\"C-";

    /// <summary>Followed by the due date it was made with, as yyyy-MM-dd.</summary>
    public const string Due = "\"text\":\"due \",\"bold\":false},{\"span\":\"date\",\"date\":\"";

    /// <summary>Commitments whose due date was moved at least once (the updates record only the new dates).</summary>
    public const string Moved = """
        EXISTS (SELECT 1 FROM "CommitmentUpdates" AS u WHERE u."CommitmentId" = "Commitments"."Id" AND u."NewDueOn" IS NOT NULL)
        """;
}
