using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>Where a post goes: a conversation on one platform, or a member's direct conversation (<see cref="DirectTo(ChatPlatform, string)"/>).</summary>
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
