using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Teams;

/// <summary>Hands a command's reply to the background: posting to the Connector may wait on rate limits.</summary>
public sealed class TeamsReplyQueue(IBackgroundJobClient jobs, ShownOnceMessages shownOnce)
{
    /// <summary>How long a re-sent activity's reply waits, so the first delivery's job has posted (the outbox then skips it).</summary>
    public static readonly TimeSpan DuplicateDelay = TimeSpan.FromSeconds(30);

    /// <param name="reply">The reply as answered; one carrying a secret shown once is posted from memory, not from the inbox's stored form.</param>
    public void Enqueue(string deliveryId, string conversationId, bool seenBefore, ChatMessage reply)
    {
        if (!seenBefore) shownOnce.Keep(TeamsReplyJob.ReplyKey(deliveryId), reply);
        // Posting the same reply from two jobs at once could post it twice; a re-sent delivery's job runs later and
        // finds the reply already posted — or posts it, if the first attempt never got that far.
        if (seenBefore) jobs.Schedule<TeamsReplyJob>(job => job.SendAsync(deliveryId, conversationId, CancellationToken.None), DuplicateDelay);
        else jobs.Enqueue<TeamsReplyJob>(job => job.SendAsync(deliveryId, conversationId, CancellationToken.None));
    }

    public void EnqueueCardNote(string conversationId, string cardActivityId, string note) =>
        jobs.Enqueue<TeamsReplyJob>(job => job.NoteOnCardAsync(conversationId, cardActivityId, note, CancellationToken.None));

    public void EnqueueForm(string kind, string conversationId) =>
        jobs.Enqueue<TeamsReplyJob>(job => job.SendFormAsync(kind, conversationId, CancellationToken.None));
}

/// <summary>
/// Posts the stored reply to a command through the outbox, keyed by the delivery: Teams re-sending the activity, or
/// Hangfire retrying this job, never posts the same reply twice. A message's reply is the follow-up of its inbox row
/// (stored with the command, before the Connector gets its 200), so after a crash the inbox sweep posts it.
/// </summary>
public sealed class TeamsReplyJob(AppDbContext db, Outbox outbox, FollowUps followUps, TeamsChatSender teams, BotSettings settings, ILogger<TeamsReplyJob> log)
    : IFollowUpHandler
{
    public static string ReplyKey(string deliveryId) => "teams:reply:" + deliveryId;

    public ChatPlatform Platform => ChatPlatform.Teams;

    /// <summary>A message's follow-up: its reply goes to this conversation (the full id, so a reply in a thread stays there).</summary>
    public static InboundCommand RepliedIn(InboundCommand inbound, string conversationId) => inbound with { FollowUp = conversationId };

    /// <summary>Notes on the clicked card who used which button, once the command behind it has run.</summary>
    public async Task NoteOnCardAsync(string conversationId, string cardActivityId, string note, CancellationToken ct)
    {
        try
        {
            await teams.NoteOnCardAsync(conversationId, cardActivityId, note, ct);
        }
        catch (ChatDeliveryException e) when (e.Permanent)
        {
            log.LogWarning("Card {Card} not refreshed: {Error}. {Advice}", cardActivityId, e.PlatformError, e.Advice);
        }
    }

    /// <summary>Posts a form card (nothing is recorded until it is submitted, so a repeat just shows it again).</summary>
    public async Task SendFormAsync(string kind, string conversationId, CancellationToken ct)
    {
        var context = await FormContext.LoadAsync(db, settings, ct);
        try
        {
            await teams.SendCardAsync(conversationId, TeamsForms.Card(kind, context), "A form to fill in", ct);
        }
        catch (ChatDeliveryException e) when (e.Permanent)
        {
            log.LogWarning("Form not posted to Teams: {Error}. {Advice}", e.PlatformError, e.Advice);
        }
    }

    public async Task SendAsync(string deliveryId, string conversationId, CancellationToken ct)
    {
        var received = await db.ReceivedCommands.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Platform == ChatPlatform.Teams && r.DeliveryId == deliveryId, ct);
        if (received?.ReplyJson is null)
        {
            log.LogWarning("No stored reply for Teams delivery {DeliveryId}", deliveryId);
            return;
        }
        // The inbox lease decides between this job and the sweep; without a follow-up the outbox key still posts it once.
        if (received.FollowUp is not null) await followUps.RunAsync(received.Id, ct);
        else await PostAsync(received, conversationId, ct);
    }

    public Task FinishAsync(ReceivedCommand row, CancellationToken ct) => PostAsync(row, row.FollowUp ?? row.ConversationId, ct);

    async Task PostAsync(ReceivedCommand received, string conversationId, CancellationToken ct)
    {
        if (received.ReplyJson is not { } json) return;
        try
        {
            await outbox.PostOnceAsync(new OutboxPost(new ChatAddress(ChatPlatform.Teams, conversationId), ReplyKey(received.DeliveryId), "reply"),
                _ => Task.FromResult(MessageJson.Deserialize(json)), ct);
        }
        catch (ChatDeliveryException e) when (e.Permanent)
        {
            // Retrying cannot help (and may double-post); the reason is in the log for the CCO.
            log.LogWarning("Reply to Teams delivery {DeliveryId} not posted: {Error}. {Advice}", received.DeliveryId, e.PlatformError, e.Advice);
        }
    }
}
