using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Commands;

/// <summary>Who is speaking, where, and what day it is for them.</summary>
/// <param name="Via">"web" for a command given on a dashboard page; null in the chat.</param>
public sealed record CommandContext(
    Member Speaker, ChatPlatform Platform, string ConversationId, DateOnly Today, TimeZoneInfo TimeZone, DateTime UtcNow, string? Via = null);

/// <summary>
/// A problem the speaker can fix (unknown reference, wrong role, bad value). The dispatcher turns it into a friendly
/// reply and rolls back everything the command had written.
/// </summary>
public sealed class CommandRejectedException(string message, string? usage = null) : Exception(message)
{
    public string? Usage { get; } = usage;
}
