using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>What an adapter hands the core: who said what, where.</summary>
/// <param name="DeliveryId">The platform's id for this delivery (event id, activity id); retries carry the same one.</param>
/// <param name="UserName">The display name the platform gave: a new member's name, or a member still known by id.</param>
/// <param name="UserEmail">The user's email if the platform told it; enrols a new member with it, or fills a missing one.</param>
/// <param name="UserTimeZone">The user's IANA zone if the platform knows it (Slack's users.info, a Teams client); a new
/// member's zone, or a missing one filled.</param>
/// <param name="ProfileIsCurrent">The profile was read for this very delivery (a Teams activity, a users.info just
/// made), so a name, email or zone that differs from the stored one replaces it; otherwise it only fills what is missing.</param>
/// <param name="FollowUp">What is left to do once the command has run (see <see cref="ReceivedCommand.FollowUp"/>), stored with it.</param>
public sealed record InboundCommand(
    ChatPlatform Platform, string ConversationId, string UserId, string Text,
    string? DeliveryId = null, string? UserName = null, string? UserEmail = null, string? UserTimeZone = null,
    bool ProfileIsCurrent = false, string? FollowUp = null);

/// <summary>Where a post goes: a conversation on one platform, or a member's direct conversation (<see cref="DirectTo"/>).</summary>
public sealed record ChatAddress(ChatPlatform Platform, string ConversationId)
{
    const string PersonMark = "@";

    /// <summary>
    /// A member's direct conversation, found (or opened) only when a post is sent: opening a DM is a rate-limited call
    /// (Slack's conversations.open is Tier 3) that planning a morning of nudges must not wait on.
    /// </summary>
    public static ChatAddress DirectTo(ChatPlatform platform, string platformUserId) => new(platform, PersonMark + platformUserId);

    public static ChatAddress DirectTo(Member member) => DirectTo(member.Platform, member.PlatformUserId);

    /// <summary>The platform user whose direct conversation this is, when it is still to be found.</summary>
    public string? PersonId => ConversationId.StartsWith(PersonMark, StringComparison.Ordinal) ? ConversationId[PersonMark.Length..] : null;
}

/// <summary>Sends a message to a conversation; one implementation per platform, routed by <see cref="ChatAddress.Platform"/>.</summary>
public interface IChatSender
{
    Task<ChatAddress> SendAsync(ChatAddress to, ChatMessage message, CancellationToken ct) => SendAsync(to, message, tag: null, ct);

    /// <summary>Sends a message carrying <paramref name="tag"/> (the outbox's key for it) where the platform can keep one.</summary>
    /// <returns>The conversation it went to (a <see cref="ChatAddress.DirectTo"/> address resolved).</returns>
    Task<ChatAddress> SendAsync(ChatAddress to, ChatMessage message, string? tag, CancellationToken ct);

    /// <summary>
    /// Whether a message carrying <paramref name="tag"/> reached the conversation since <paramref name="since"/>: asked
    /// about a post whose sender died mid-send. Null when the platform cannot say.
    /// </summary>
    Task<bool?> HasPostedAsync(ChatAddress to, string tag, DateTime since, CancellationToken ct);

    /// <summary>Why the bot could not post in this conversation, or null when it can.</summary>
    Task<string?> WhyCannotPostAsync(ChatAddress to, CancellationToken ct);
}

/// <summary>Re-registers the scheduled jobs when the CCO changes the cadence.</summary>
public interface ICadenceScheduler
{
    /// <summary>The cadence kinds this host has jobs for.</summary>
    IReadOnlySet<string> SupportedKinds { get; }

    /// <summary>Registers, updates or removes the recurring jobs to match <paramref name="cadence"/> (the whole stored cadence).</summary>
    Task ApplyAsync(IReadOnlyList<CadenceSetting> cadence, CancellationToken ct);

    /// <summary>Queues the kind's job to run now, once.</summary>
    Task RunNowAsync(string kind, CancellationToken ct);
}
