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
/// <param name="Via">Where the command was given when not in the chat itself ("web": a dashboard page); its audit entries say so.</param>
/// <param name="Shared">The answer is posted where others read it (a Teams channel or group chat), not to the speaker
/// alone, so an answer meant only for them (a sign-in link, a new API key) is refused there.</param>
public sealed record InboundCommand(
    ChatPlatform Platform, string ConversationId, string UserId, string Text,
    string? DeliveryId = null, string? UserName = null, string? UserEmail = null, string? UserTimeZone = null,
    bool ProfileIsCurrent = false, string? FollowUp = null, string? Via = null, bool Shared = false);
