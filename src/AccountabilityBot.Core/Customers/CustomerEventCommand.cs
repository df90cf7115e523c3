using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Customers;

/// <summary>
/// <c>lost "CUSTOMER" value:36000 reason:"..." [story:"..."] [group:NAME] [on:DATE]</c>, and likewise
/// <c>won</c>, <c>renewed</c> (reason = why they stayed) and <c>referral</c> (<c>by:"REFERRER"</c>).
/// </summary>
public sealed record CustomerEventCommand(
    CustomerEventKind Kind, string Customer, decimal? Value, string? Reason, string? Story,
    string? Group, DateOnly? On, string? ReferredBy) : ChatCommand;
