using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>Slack's `ok:false` error codes as delivery failures: whether a retry can help, and what the CCO should do.</summary>
public static class SlackErrors
{
    static readonly HashSet<string> Transient =
        ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "connection_failed", "http_error"];

    /// <summary>Errors about the bot's token itself, not one call: the app was uninstalled or its token revoked or never valid.</summary>
    static readonly HashSet<string> TokenRefused = ["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "team_disabled"];

    public static bool IsTransient(string error) => Transient.Contains(error);

    public static ChatDeliveryException ToException(string method, string error, string? channel, TimeSpan? retryAfter = null, Exception? inner = null)
    {
        var where = channel is null ? "that conversation" : $"channel {channel}";
        var advice = error switch
        {
            "not_in_channel" => $"Invite the bot to {where}: in that channel type `/invite @AccountabilityBot`.",
            "channel_not_found" => $"Slack can't find {where}; it was deleted, or it is private and the bot is not in it. " +
                "Invite the bot, or bind another channel with `/cx channel leadership` typed there.",
            "is_archived" => $"{Capital(where)} is archived. Unarchive it, or bind another channel with `/cx channel leadership` typed there.",
            "invalid_auth" or "not_authed" => "Slack rejected the bot token. Copy the Bot User OAuth Token (xoxb-…) " +
                "from the app's OAuth & Permissions page into Slack:BotToken and restart the bot.",
            "token_revoked" or "token_expired" or "account_inactive" or "team_disabled" =>
                "The bot's Slack token was revoked or the app was uninstalled. " +
                "Reinstall the app to the workspace, put its new token in Slack:BotToken and restart the bot.",
            "missing_scope" => $"The Slack app lacks a permission that {method} needs. Update the app from manifests/slack/manifest.json and reinstall it.",
            "user_not_found" or "users_not_found" => "Slack has no such user; they may have left the workspace or been deactivated.",
            "user_not_in_channel" => $"That person is not in {where}, so the bot cannot show them a private reply there.",
            "cannot_dm_bot" => "That member is a bot; bots cannot be sent direct messages.",
            "restricted_action" or "no_permission" => $"Workspace settings stop the bot from posting in {where}. Ask a Slack admin to allow it.",
            "msg_too_long" or "invalid_blocks" or "no_text" or "invalid_arguments" or "too_many_attachments" =>
                $"Slack refused the message's shape ({error}). This is a bug in the bot; please report it with the time it happened.",
            "ratelimited" => $"Slack is rate-limiting the bot for {method}; the post will be retried.",
            _ when IsTransient(error) => $"Slack had a temporary problem ({error}); the post will be retried.",
            _ => $"Slack refused {method} with '{error}'.",
        };
        return new ChatDeliveryException(error, permanent: !IsTransient(error), advice, retryAfter, inner, notInstalled: TokenRefused.Contains(error));
    }

    static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
