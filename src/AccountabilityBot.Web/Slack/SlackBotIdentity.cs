using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The bot's own Slack user id, asked of auth.test once: older event payloads carry no `authorizations`, yet the bot
/// must recognise its own mention and its own arrival in a channel.
/// </summary>
public sealed class SlackBotIdentity(ILogger<SlackBotIdentity> log)
{
    string? userId;

    public async Task<string?> UserIdAsync(SlackWebApi api, CancellationToken ct)
    {
        if (userId is not null) return userId;
        try
        {
            return userId = await api.BotUserIdAsync(ct);
        }
        catch (ChatDeliveryException ex)
        {
            log.LogWarning("auth.test failed: {Advice}", ex.Advice);
            return null;
        }
    }

    /// <summary>What the installation check's auth.test said, so it need not be asked again.</summary>
    public void Remember(string botUserId) => userId = botUserId;
}
