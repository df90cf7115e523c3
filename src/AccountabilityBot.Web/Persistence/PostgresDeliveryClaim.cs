using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// The <see cref="DeliveryClaim"/> on PostgreSQL: a transaction-level advisory lock on a hash of the platform and
/// delivery id, tried without waiting, held until the batch commits or rolls back. Whoever holds it is the only open
/// transaction that can be storing that delivery, so an inbox insert made under it never waits on another's
/// uncommitted copy. Two deliveries with one hash only delay each other, until the first's commit.
/// </summary>
public static class PostgresDeliveryClaim
{
    public const string Condition = "pg_try_advisory_xact_lock(hashtextextended({0} || ' ' || {1}, 0))";

    public static readonly DeliveryClaim Claim = new(Condition);
}
