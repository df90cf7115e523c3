using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Finishes an acknowledged Slack delivery from its inbox row: an event is handled from its stored envelope; a
/// command's answer is delivered (the command is run first if it never got that far). The inbox and the outbox keys
/// make a second run repeat nothing.
/// </summary>
public sealed class SlackFollowUp(SlackEventJob events, SlackCommandRunner runner, SlackReplyJob replies, SlackResponseUrls responseUrls, StoredReplies stored)
    : IFollowUpHandler
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task FinishAsync(ReceivedCommand row, CancellationToken ct)
    {
        if (row.FollowUp is not { } followUp) return;
        if (SlackEventJob.IsEvent(row.DeliveryId))
        {
            await events.RunAsync(followUp, ct);
            return;
        }
        // Its first run never got as far as an answer: run it now (not stored: thrown, so it is tried again later).
        var reply = stored.Find(row)
            ?? (await runner.CommandAsync(new InboundCommand(ChatPlatform.Slack, row.ConversationId, row.UserId, row.Text, row.DeliveryId)))
                .ThrowIfNotStored().Reply;
        // The link lives in memory only: after a restart the answer goes privately in the channel or by DM.
        await replies.DeliverAsync(reply, SlackCommandRunner.TargetOf(followUp) with { ResponseUrl = responseUrls.Take(row.DeliveryId) }, ct);
        stored.Delivered(row);
    }
}
