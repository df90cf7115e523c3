using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

public sealed partial class Outbox
{
    /// <summary>
    /// What one send found out: its outcome (null when cut off), and how to record it on the row. <paramref name="Untouched"/>:
    /// cut off before anything left the process, so the post can be released rather than left in doubt.
    /// </summary>
    sealed record SendResult(DeliveryOutcome? Outcome, Action<OutboundMessage> Record, bool Untouched = false);

    /// <summary>
    /// Sends one post. Runs alongside other sends, so it only reads the row; the delivering loop records the result.
    /// A post in doubt (its last sender died mid-send) is first looked for on the platform; a DM not found there is then held
    /// like any other while its member may not be reached (<paramref name="recipient"/>).
    /// </summary>
    async Task<SendResult> SendAsync(OutboundMessage row, DateTime? inDoubtSince, Recipient? recipient, CancellationToken ct)
    {
        var to = new ChatAddress(row.Platform, row.ConversationId);
        var tag = Tag(row);
        var attempts = row.Attempts + 1;
        var progress = SendProgress.Begin();
        // Each send gets its own scope: platform senders may use a database context, which is not shared across threads.
        await using var scope = scopes.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<IChatSender>();
        try
        {
            if (pauses.IsPaused(row.Platform)) return Held(row, inDoubtSince, pauses.Reason(row.Platform));
            var now = clock.UtcNow();
            if (row.NotAfter is { } deadline && deadline < now)
            {
                log.LogWarning("Dropped stale {Kind} post {Id} to {Conversation}; it was due by {Deadline:u}", row.Kind, row.Id, row.ConversationId, deadline);
                return new(DeliveryOutcome.Dropped, r => { r.DroppedAt = now; r.Error = "stale: its moment passed before it could be sent"; });
            }
            if (inDoubtSince is { } since)
            {
                BotMetrics.PostInDoubt(row.Platform);
                bool? posted;
                try { posted = await platform.HasPostedAsync(to, tag, since, ct); }
                catch (ChatDeliveryException ex) when (!ex.Permanent)
                {
                    log.LogWarning("Could not yet ask whether in-doubt {Kind} post {Id} arrived: {Error}", row.Kind, row.Id, ex.PlatformError);
                    return new(null, _ => { }); // still in doubt: asked again once this lease runs out
                }
                log.LogWarning("{Kind} post {Id} to {Conversation} was in doubt after its sender stopped: {Finding}", row.Kind, row.Id, row.ConversationId,
                    posted switch { true => "it had arrived, so it is not sent again", false => "it had not arrived, so it is sent now",
                        null => "the platform cannot say, so it is sent again and may arrive twice" });
                if (posted == true) return Sent(row.ConversationId, row.Attempts);
            }
            if (recipient is not null && Unreachable(row, recipient) is { } notNow) return notNow;
            var sentTo = await platform.SendAsync(to, shownOnce.Find(tag) ?? MessageJson.Deserialize(row.MessageJson), tag, ct);
            return Sent(sentTo.ConversationId, attempts); // a member's DM is recorded as the conversation it was found to be
        }
        catch (ChatDeliveryException ex) when (ex.NotInstalled)
        {
            if (pauses.Pause(row.Platform, ex.Advice))
                log.LogWarning("{Platform} refused the bot itself ({Error}); its posts are held until it works again", row.Platform, ex.PlatformError);
            return Held(row, inDoubtSince, $"{ex.PlatformError}: {ex.Advice}");
        }
        catch (ChatDeliveryException ex) when (ex.Permanent || attempts >= MaxAttempts)
        {
            log.LogError("Gave up on {Kind} post {Id} to {Conversation}: {Error}", row.Kind, row.Id, row.ConversationId, ex.PlatformError);
            var failedAt = clock.UtcNow();
            return new(DeliveryOutcome.Failed, r => { r.Attempts = attempts; r.FailedAt = failedAt; r.Error = Clip($"{ex.PlatformError}: {ex.Advice}"); });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Never let out (and not a post already in doubt): not an attempt, and nothing to ask the platform later.
            return progress.Value || inDoubtSince is not null ? new(null, r => r.Attempts = attempts) : new(null, _ => { }, Untouched: true);
        }
        catch (Exception ex)
        {
            var wait = (ex as ChatDeliveryException)?.RetryAfter ?? Backoff(attempts);
            log.LogWarning("Will retry {Kind} post {Id} to {Conversation} in {Wait}: {Error}", row.Kind, row.Id, row.ConversationId, wait, ex.Message);
            var retryAt = clock.UtcNow() + wait;
            return new(DeliveryOutcome.Retrying, r => { r.Attempts = attempts; r.NextAttemptAt = retryAt; r.Error = Clip(ex.Message); });
        }
    }

    /// <summary>The post's key, or one made from its row for a one-off post; platforms mark the message with it.</summary>
    static string Tag(OutboundMessage row) => row.IdempotencyKey ?? ShownOnceMessages.RowKey(row.Id);

    /// <summary>
    /// Not this post's fault, so not an attempt: it waits, unfinished, until its platform works again. A post in doubt
    /// keeps its lease, so it is looked for on the platform before it is sent again.
    /// </summary>
    SendResult Held(OutboundMessage row, DateTime? inDoubtSince, string? reason)
    {
        log.LogInformation("Holding {Kind} post {Id} to {Conversation}: {Platform} is paused", row.Kind, row.Id, row.ConversationId, row.Platform);
        return inDoubtSince is null
            ? new(DeliveryOutcome.Held, r => r.Error = Clip("held: " + (reason ?? "the platform is paused")))
            : new(null, _ => { });
    }

    SendResult Sent(string conversationId, int attempts)
    {
        var sentAt = clock.UtcNow();
        return new(DeliveryOutcome.Sent, r => { r.Attempts = attempts; r.ConversationId = conversationId; r.SentAt = sentAt; r.Error = null; });
    }

    /// <summary>30 s, 1 min, 2 min … capped at 30 min, with jitter so a recovering platform is not hit all at once.</summary>
    static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, attempts - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4));

    static string Clip(string s) => s.Length <= 500 ? s : s[..500];
}
