using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Delivers a command's answer that was not given inline: through the response_url (ephemeral, up to five uses in 30
/// minutes), else privately in the channel, else by DM. Transient failures throw, so the inbox follow-up is tried again.
/// </summary>
public sealed class SlackReplyJob(SlackWebApi api, SlackHome home, ILogger<SlackReplyJob> log)
{
    public async Task DeliverAsync(ChatMessage message, SlackReplyTarget target, CancellationToken ct)
    {
        await AnswerAsync(message, target, ct);
        if (!target.RefreshHome) return;
        // After the answer went out: a failed refresh must not make the follow-up run again and answer twice.
        try { await home.PublishAsync(target.UserId, "home:" + Guid.NewGuid().ToString("N"), ct); }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "The Home tab of {User} was not refreshed after the answer", target.UserId);
        }
    }

    async Task AnswerAsync(ChatMessage message, SlackReplyTarget target, CancellationToken ct)
    {
        try
        {
            if (target.ResponseUrl is { } url)
            {
                try
                {
                    var body = BlockKit.Message(message);
                    body["response_type"] = "ephemeral";
                    body["replace_original"] = false;
                    await api.RespondAsync(url, body, ct);
                    return;
                }
                catch (ChatDeliveryException ex) when (ex.PlatformError == "expired_url")
                {
                    log.LogInformation("The response_url expired; answering {User} by DM", target.UserId);
                }
            }
            else if (target.ChannelId is { } channel)
            {
                try
                {
                    await api.PostEphemeralAsync(channel, target.UserId, BlockKit.Message(message), ct);
                    return;
                }
                catch (ChatDeliveryException ex) when (ex.Permanent)
                {
                    log.LogInformation("Could not answer privately in {Channel} ({Error}); answering by DM", channel, ex.PlatformError);
                }
            }
            var dm = await api.OpenConversationAsync(target.UserId, ct);
            await api.PostMessageAsync(dm, BlockKit.Message(message), ct);
        }
        catch (ChatDeliveryException ex) when (ex.Permanent)
        {
            // Retrying cannot help; the command itself is recorded, only this answer is lost.
            log.LogWarning("Could not deliver an answer to {User}: {Advice}", target.UserId, ex.Advice);
        }
    }
}
