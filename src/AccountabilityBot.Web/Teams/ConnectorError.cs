using System.Text.Json;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// A Bot Connector error ({"error":{"code","message"}}, or Teams' {"errorCode","message"} for blocked chats) and
/// what a CCO should do about it. Retryable statuses are the ones Teams documents: 412, 429, 502, 503, 504.
/// </summary>
public sealed record ConnectorError(int Status, string Code, string? Message, TimeSpan? RetryAfter)
{
    public bool IsRetryable => Status is 412 or 429 or 502 or 503 or 504;

    public static ConnectorError Parse(int status, string body, TimeSpan? retryAfter)
    {
        string? code = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                code = e.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = e.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m2))
            {
                message = m2.ToString();
                code = message.Contains("MessageWritesBlocked", StringComparison.Ordinal) ? "MessageWritesBlocked" : null;
            }
        }
        catch (JsonException) { }
        return new(status, code ?? $"http_{status}", message, retryAfter);
    }

    public ChatDeliveryException ToDeliveryException() => IsRetryable
        ? new(Code, permanent: false, "Teams is busy or briefly unavailable; the post will be retried.", RetryAfter)
        : new(Code, permanent: true, Advice(), notInstalled: Status == 401); // refused even with a fresh token: the bot itself, not this post

    string Advice() => Code switch
    {
        "BotNotInConversationRoster" =>
            "AccountabilityBot is not installed for this person or conversation in Teams (or was removed). Ask them to add it " +
            "(Teams → Apps → AccountabilityBot → Add), or install it for them from the Teams admin center; posts resume after that.",
        "ConversationBlockedByUser" or "MessageWritesBlocked" =>
            "This person blocked or uninstalled AccountabilityBot in Teams. Ask them to unblock or add it again.",
        "BotDisabledByAdmin" => "A Teams administrator has disabled AccountabilityBot in this tenant. Ask them to allow it in the Teams admin center.",
        "InvalidBotApiHost" => "This tenant is in a government cloud; set Teams:OpenIdMetadataUrl, Teams:Issuer and Teams:TokenEndpoint for that cloud.",
        "ConversationNotFound" or "ActivityNotFoundInConversation" =>
            "That Teams conversation no longer exists. Bind another channel with `channel leadership` sent there.",
        "MessageSizeTooBig" => "The message was too large for Teams even after splitting; please report it.",
        _ when Status == 401 => "The Bot Connector refused the bot's token. Check Teams:AppId and Teams:AppPassword, then restart the bot.",
        _ => $"Teams refused the post ({Status} {Code}{(Message is null ? "" : ": " + Message)}).",
    };
}
