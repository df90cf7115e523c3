using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Finishes an acknowledged Teams delivery from its inbox row (see <see cref="TeamsReplyTarget"/>): posts the reply
/// through the outbox, keyed by the delivery, so Teams re-sending the activity or a second run never posts it twice,
/// then notes the clicked card; or posts the form asked for. The follow-up is stored with the command, before the
/// Connector gets its 200, so after a crash the inbox sweep finishes it.
/// </summary>
public sealed class TeamsReplyJob(AppDbContext db, Outbox outbox, StoredReplies stored, TeamsChatSender teams, BotSettings settings, ILogger<TeamsReplyJob> log)
    : IFollowUpHandler
{
    /// <summary>How long a re-sent activity's follow-up waits, so the first delivery's has posted (the outbox then skips it).</summary>
    public static readonly TimeSpan DuplicateDelay = TimeSpan.FromSeconds(30);

    public static string ReplyKey(string deliveryId) => "teams:reply:" + deliveryId;

    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task FinishAsync(ReceivedCommand row, CancellationToken ct)
    {
        var target = TeamsReplyTarget.Of(row.FollowUp ?? row.ConversationId);
        if (target.Form is { } form)
        {
            await SendFormAsync(form, target.ConversationId, ct);
            return;
        }
        await PostAsync(row, target.ConversationId, ct);
        if (target is { CardId: { } card, CardNote: { } note }) await NoteOnCardAsync(target.ConversationId, card, note, ct);
    }

    /// <summary>Notes on the clicked card who used which button, once the command behind it has run.</summary>
    async Task NoteOnCardAsync(string conversationId, string cardActivityId, string note, CancellationToken ct)
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

    async Task PostAsync(ReceivedCommand received, string conversationId, CancellationToken ct)
    {
        if (stored.Find(received) is not { } reply) return;
        try
        {
            await outbox.PostOnceAsync(new OutboxPost(new ChatAddress(ChatPlatform.Teams, conversationId), ReplyKey(received.DeliveryId), OutboxPost.ReplyKind),
                _ => Task.FromResult(reply), ct);
            stored.Delivered(received);
        }
        catch (ChatDeliveryException e) when (e.Permanent)
        {
            // Retrying cannot help (and may double-post); the reason is in the log for the CCO.
            log.LogWarning("Reply to Teams delivery {DeliveryId} not posted: {Error}. {Advice}", received.DeliveryId, e.PlatformError, e.Advice);
        }
    }
}
