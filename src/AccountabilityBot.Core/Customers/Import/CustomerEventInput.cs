using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Customers.Import;

/// <summary>One customer event as a CRM sends it: every field still text, named by the column (or JSON property) it came from.</summary>
public sealed record RawEvent(
    string? Date, string? Type, string? CustomerId, string? CustomerName, string? CustomerGroup, string? AnnualValue,
    string? Currency, string? Reason, string? Story, string? ReferredBy, string? ExternalId);

/// <summary>
/// A validated customer event, ready to upsert. <see cref="ExternalId"/> is always set: the CRM's id, or a stable hash
/// of what identifies the event, so importing the same data again updates instead of duplicating.
/// </summary>
public sealed record CustomerEventInput(
    string ExternalId, CustomerEventKind Kind, DateOnly OccurredOn, string? CustomerId, string CustomerName, string? Group,
    decimal AnnualValue, string? Reason, string? Story, string? ReferredBy);

/// <summary>One thing wrong with one row: the line it starts on (1 = the header; 0 = the request as a whole), the column, why.</summary>
public sealed record ImportProblem(long Line, string Column, string Reason);
