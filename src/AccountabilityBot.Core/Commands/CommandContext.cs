using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Commands;

/// <summary>Who is speaking, where, and what day it is for them.</summary>
/// <param name="Via">"web" for a command given on a dashboard page; null in the chat.</param>
public sealed record CommandContext(
    Member Speaker, ChatPlatform Platform, string ConversationId, DateOnly Today, TimeZoneInfo TimeZone, DateTime UtcNow, string? Via = null,
    bool Shared = false)
{
    /// <summary>Refuses an answer meant for the speaker alone where everyone in the conversation would see it.</summary>
    public void RequirePrivate(string what)
    {
        if (Shared)
            throw new CommandRejectedException($"{what} is for you alone, and everyone in this conversation would see it. "
                + "Send me the same command in our 1:1 chat instead.");
    }
}

/// <summary>
/// A problem the speaker can fix (unknown reference, wrong role, bad value). The dispatcher turns it into a friendly
/// reply and rolls back everything the command had written.
/// </summary>
public sealed class CommandRejectedException(string message, string? usage = null) : Exception(message)
{
    public string? Usage { get; } = usage;
}
