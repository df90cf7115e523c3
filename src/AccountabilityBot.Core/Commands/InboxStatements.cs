using System.Globalization;
using System.Runtime.CompilerServices;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// The inbox's one insert of a delivery, used by the inbox (through EF) and by the lean <c>resolved</c> store (as a
/// prepared statement). The two statements differ only in what a copy of a delivery already stored does. Plain SQL;
/// <c>{0}</c>…<c>{6}</c> are <see cref="Values"/>.
/// </summary>
public static class InboxStatements
{
    const string ValuesClause = "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})";

    const string Insert = $"""
        INSERT INTO "ReceivedCommands" ("Platform", "DeliveryId", "ConversationId", "UserId", "Text", "ReceivedAt", "FollowUp")
        {ValuesClause}
        ON CONFLICT ("Platform", "DeliveryId") DO UPDATE SET
        """;

    /// <summary>
    /// A delivery to run now; its row's id, or no row for a copy already stored. A copy is run after all when it was
    /// accepted before the platform was answered and has not run yet, with the command as read from it (an event's
    /// text without the bot's mention, say).
    /// </summary>
    public const string Receive = Insert + "\n" + """
        "Text" = excluded."Text"
        WHERE "ReceivedCommands"."FollowUp" IS NOT NULL AND "ReceivedCommands"."ReplyJson" IS NULL
        RETURNING "Id" AS "Value"
        """;

    /// <summary>
    /// A delivery acknowledged before it is finished: stored with its follow-up, or the follow-up added to its row
    /// unless that row was handled and finished (<c>{7}</c>: add it even then). Its row's id, or no row.
    /// </summary>
    public const string Accept = Insert + "\n" + """
        "FollowUp" = excluded."FollowUp"
        WHERE {7} OR "ReceivedCommands"."HandledAt" IS NULL OR "ReceivedCommands"."FollowUp" IS NOT NULL
        RETURNING "Id" AS "Value"
        """;

    /// <summary>
    /// The statement made only when <paramref name="condition"/> (SQL over the same <c>{0}</c>…) holds: when it does
    /// not, nothing is written and no copy of the delivery is looked for, nor waited for (see <see cref="DeliveryClaim"/>).
    /// </summary>
    public static string When(string condition, string statement) =>
        statement.Replace(ValuesClause, $"SELECT {{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}} WHERE {condition}", StringComparison.Ordinal);

    /// <summary>The statement with the row's values (and any more, from <c>{7}</c>), for EF to send as parameters.</summary>
    public static FormattableString Sql(string statement, ReceivedCommand row, params object?[] more) =>
        FormattableStringFactory.Create(statement, [.. Values(row), .. more]);

    /// <summary>
    /// The statement with <c>{0}</c>… written as a provider's own positional parameters, numbered from
    /// <paramref name="first"/> (<c>$0</c>… for SQLite, <c>$1</c>… for PostgreSQL).
    /// </summary>
    public static string WithParameters(string statement, string prefix, int first = 0) =>
        string.Format(CultureInfo.InvariantCulture, statement, [.. Enumerable.Range(first, 8).Select(i => (object)(prefix + i))]);

    /// <summary>The row's values for <c>{0}</c>…<c>{6}</c>, as EF stores them (the platform by name).</summary>
    public static object?[] Values(ReceivedCommand row) =>
        [row.Platform.ToString(), row.DeliveryId, row.ConversationId, row.UserId, row.Text, row.ReceivedAt, row.FollowUp];
}
