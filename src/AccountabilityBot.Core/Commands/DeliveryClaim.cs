namespace AccountabilityBot.Core.Commands;

/// <summary>
/// On a database several instances share: the SQL condition (over the inbox row's values <c>{0}</c>…, see
/// <see cref="InboxStatements"/>) that claims a delivery for the command writer's open transaction, or is false at
/// once when another open transaction holds it. Without it, a copy of a delivery that the other instance stored but
/// has not committed would wait for that commit inside this batch, holding the batch's other commands, and two such
/// waits crossing each other are a deadlock. Instead the copy is left out of the batch and run again after the commit
/// (<see cref="CommandOutcome.HeldElsewhere"/>), when it is answered from the inbox. Registered by a provider where
/// instances can share a database (PostgreSQL); SQLite has one writer, and none.
/// </summary>
public sealed record DeliveryClaim(string Condition);
