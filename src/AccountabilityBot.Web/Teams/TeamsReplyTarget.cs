using System.Text.Json;

namespace AccountabilityBot.Web.Teams;

/// <summary>What is left to do for a Teams delivery once it is acknowledged, as its inbox row keeps it (no credentials).</summary>
/// <param name="ConversationId">Where the reply goes: the full id, so a reply in a thread stays there.</param>
/// <param name="CardId">The card whose button sent the command: once the command ran, it is noted with <paramref name="CardNote"/>.</param>
/// <param name="Form">A form to post instead of a reply (asking for one records nothing).</param>
public sealed record TeamsReplyTarget(string ConversationId, string? CardId = null, string? CardNote = null, string? Form = null)
{
    public string ToFollowUp() => JsonSerializer.Serialize(this);

    /// <summary>Rows stored by earlier builds carry the conversation alone.</summary>
    public static TeamsReplyTarget Of(string followUp) =>
        followUp.StartsWith('{') ? JsonSerializer.Deserialize<TeamsReplyTarget>(followUp)! : new(followUp);
}
