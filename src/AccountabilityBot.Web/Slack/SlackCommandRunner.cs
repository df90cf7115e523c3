using System.Text.Json;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>Where a command's answer goes when it is not given inline: the response_url, else the channel or a DM.</summary>
/// <param name="RefreshHome">The click came from the member's Home tab, which is republished after the answer.</param>
public sealed record SlackReplyTarget(string? ChannelId, string UserId, string? ResponseUrl, bool RefreshHome = false);

/// <summary>What Slack's acknowledgement of a delivery carries, when the answer comes in time.</summary>
public enum SlackAckWith
{
    /// <summary>The answer (a slash command).</summary>
    Answer,
    /// <summary>Nothing: the answer always follows (a button).</summary>
    Nothing,
    /// <summary>A refusal, which the modal shows beside the fields; any other answer follows (a modal submission).</summary>
    Refusal,
}

/// <summary>
/// Runs a Slack command through the core within Slack's 3-second deadline. The command runs in a scope of its own, so
/// it finishes even after the request has been answered. An answer that is not in the acknowledgement is in the inbox
/// with its follow-up before Slack hears back (with the command's commit, or on its own when the command is slower
/// than Slack:AckBudget), so after a crash the inbox sweep still answers it. A delivery already seen (a retry, a
/// double-click) is answered from the inbox and never delivered twice.
/// </summary>
public sealed class SlackCommandRunner(
    IServiceScopeFactory scopes, CommandWriter writer, SlackPeople people, FollowUps followUps, SlackResponseUrls responseUrls,
    IOptions<SlackSettings> options, ILogger<SlackCommandRunner> log)
{
    /// <returns>What the command came to, when its answer goes in the acknowledgement; null when the answer follows later.</returns>
    public async Task<CommandOutcome?> RunAsync(InboundCommand inbound, SlackReplyTarget target, SlackAckWith ack)
    {
        var later = inbound with { DeliveryId = inbound.DeliveryId ?? Guid.NewGuid().ToString("N"), FollowUp = FollowUpOf(target) };
        // Not the request's token: the command must finish even if Slack hangs up. An answer that may follow is stored
        // with its follow-up in the command's own commit.
        var work = CommandAsync(ack == SlackAckWith.Answer ? later with { FollowUp = null } : later);
        CommandOutcome outcome;
        // WaitAsync, not WhenAny with Task.Delay: its timer goes as soon as the answer comes, not seconds later.
        try { outcome = await work.WaitAsync(options.Value.AckBudget); }
        catch (TimeoutException)
        {
            // Slower than Slack waits: the follow-up is stored on its own before Slack hears back. That takes
            // milliseconds; should the database be slower than Slack's deadline, the ack goes first.
            Remember(later, target);
            var accepted = AcceptAsync(later, evenIfHandled: false);
            await Task.WhenAny(accepted, Task.Delay(AcceptBudget));
            _ = FollowUpAsync(work, accepted, later, target);
            return null;
        }
        if (outcome.Kind == OutcomeKind.NotStored)
        {
            if (ack != SlackAckWith.Nothing) return outcome;
            _ = DeliverAsync(outcome.Reply, target);
            return null;
        }
        if (ack == SlackAckWith.Answer) return outcome;
        if (ack == SlackAckWith.Refusal && outcome.IsRefusal)
        {
            await followUps.DropAsync(ChatPlatform.Slack, later.DeliveryId!, CancellationToken.None); // the modal shows it
            return outcome;
        }
        Remember(later, target);
        _ = FollowUpAsync(later); // stored with the command: its row carries the follow-up
        return null;
    }

    static readonly TimeSpan AcceptBudget = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the command (again, for a follow-up whose first run did not finish: the inbox makes that safe).</summary>
    public async Task<CommandOutcome> CommandAsync(InboundCommand inbound)
    {
        // users.info (once per person) is a network call: made before queueing for the writer, so it holds nobody up.
        InboundCommand described;
        try { described = await people.DescribeAsync(inbound, CancellationToken.None); }
        catch (Exception ex)
        {
            // Who it is can wait; the command runs as far as the inbox knows them, or is not stored if the database is down.
            log.LogWarning(ex, "Slack user {User} could not be looked up for delivery {DeliveryId}", inbound.UserId, inbound.DeliveryId);
            described = inbound;
        }
        // Commands arriving together share one durable commit; a copy of a delivery already stored (a retry, a
        // double-click) comes back a Repeat, answered from the inbox, and is never delivered again.
        return await writer.RunAsync(described);
    }

    /// <summary>The target as the inbox keeps it: without the response_url, which is a credential.</summary>
    public static string FollowUpOf(SlackReplyTarget target) => JsonSerializer.Serialize(target with { ResponseUrl = null });

    public static SlackReplyTarget TargetOf(string followUp) => JsonSerializer.Deserialize<SlackReplyTarget>(followUp)!;

    void Remember(InboundCommand inbound, SlackReplyTarget target)
    {
        if (target.ResponseUrl is { } url) responseUrls.Remember(inbound.DeliveryId!, url);
    }

    async Task<long?> AcceptAsync(InboundCommand inbound, bool evenIfHandled)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Inbox>().AcceptAsync(inbound, evenIfHandled, CancellationToken.None);
    }

    async Task FollowUpAsync(InboundCommand inbound)
    {
        try { await followUps.RunAsync(ChatPlatform.Slack, inbound.DeliveryId!, CancellationToken.None); }
        catch (Exception ex) { log.LogWarning(ex, "Slack delivery {DeliveryId} is left to the inbox sweep", inbound.DeliveryId); }
    }

    /// <summary>After an ack that came first: the inbox follow-up answers it; without one, nothing recorded is said from here.</summary>
    async Task FollowUpAsync(Task<CommandOutcome> work, Task<long?> accepted, InboundCommand inbound, SlackReplyTarget target)
    {
        var outcome = await work;
        long? id = null;
        try { id = await accepted; }
        catch (Exception ex) { log.LogWarning(ex, "Slack delivery {DeliveryId}: its follow-up could not be stored at the first try", inbound.DeliveryId); }
        try
        {
            // This delivery's own first answer, committed (without the follow-up) just before the follow-up came, or
            // after a first try that failed.
            if (id is null && outcome.Fresh) id = await AcceptAsync(inbound, evenIfHandled: true);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Slack delivery {DeliveryId} could not be kept in the inbox; answering it from here", inbound.DeliveryId);
        }
        if (id is not null) await FollowUpAsync(inbound);
        // Nothing of it was stored, so a retry is safe: say so rather than leave "working on it" unanswered.
        else if (outcome.Kind == OutcomeKind.NotStored) await DeliverAsync(outcome.Reply, target);
        // Recorded, but its follow-up could not be kept: answered from here, as well as can be (no retry after a crash).
        else if (outcome.Fresh) await DeliverAsync(outcome.Reply, target);
    }

    /// <summary>Answers without the inbox (when it could not be stored), as well as can be: no retry after a failure.</summary>
    async Task DeliverAsync(ChatMessage reply, SlackReplyTarget target)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackReplyJob>().DeliverAsync(reply, target, CancellationToken.None);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not tell {User} that nothing was recorded", target.UserId);
        }
    }
}
