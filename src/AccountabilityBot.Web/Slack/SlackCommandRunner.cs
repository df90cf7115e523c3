using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>Where a command's answer goes when it is not given inline: the response_url, else the channel or a DM.</summary>
/// <param name="RefreshHome">The click came from the member's Home tab, which is republished after the answer.</param>
public sealed record SlackReplyTarget(string? ChannelId, string UserId, string? ResponseUrl, bool RefreshHome = false);

/// <summary>
/// Runs a Slack command through the core within Slack's 3-second deadline. The command runs in a scope of its own, so
/// it finishes even after the request has been answered; if it takes longer than Slack:AckBudget the caller acks at
/// once and the answer goes out later from a Hangfire job. A delivery already seen (a retry, a double-click) is
/// answered from the inbox and never delivered twice.
/// </summary>
public sealed class SlackCommandRunner(
    CommandWriter writer, SlackPeople people, IBackgroundJobClient jobs, IOptions<SlackSettings> options, ILogger<SlackCommandRunner> log)
{
    /// <param name="inline">True when the caller can put the answer in its HTTP response (slash commands).</param>
    /// <returns>The answer if it came within the budget and <paramref name="inline"/>; otherwise null.</returns>
    public async Task<ChatMessage?> RunAsync(InboundCommand inbound, SlackReplyTarget target, bool inline)
    {
        // Not the request's token: the command must finish even if Slack hangs up.
        var work = DispatchAsync(inbound);
        if (inline)
        {
            // WaitAsync, not WhenAny with Task.Delay: its timer goes as soon as the answer comes, not seconds later.
            try { return (await work.WaitAsync(options.Value.AckBudget)).Reply; }
            catch (TimeoutException) { } // answered later, below
            catch (Exception) when (work.IsCompleted)
            {
                LogNotStored(work, inbound);
                return Replies.NothingRecorded;
            }
        }
        _ = work.ContinueWith(done => Deliver(done, inbound, target), TaskScheduler.Default);
        return null;
    }

    async Task<CommandOutcome> DispatchAsync(InboundCommand inbound)
    {
        // users.info (once per person) is a network call: made before queueing for the writer, so it holds nobody up.
        var described = await people.DescribeAsync(inbound, CancellationToken.None);
        // Commands arriving together share one durable commit; a copy of a delivery already stored (a retry, a
        // double-click) comes back not Fresh, answered from the inbox, and is never delivered again.
        return await writer.RunAsync(described);
    }

    void Deliver(Task<CommandOutcome> done, InboundCommand inbound, SlackReplyTarget target)
    {
        if (!done.IsCompletedSuccessfully)
        {
            // Nothing of it was stored, so a retry is safe: say so rather than leave "working on it" unanswered.
            LogNotStored(done, inbound);
            Deliver(Replies.NothingRecorded, target);
            return;
        }
        if (done.Result.Fresh) Deliver(done.Result.Reply, target);
    }

    void LogNotStored(Task work, InboundCommand inbound) =>
        log.LogError(work.Exception, "Slack command {DeliveryId} failed before it was stored", inbound.DeliveryId);

    /// <summary>Sends an answer through a Hangfire job, so a failed delivery is retried and survives a restart.</summary>
    public void Deliver(ChatMessage reply, SlackReplyTarget target)
    {
        var json = MessageJson.Serialize(reply);
        jobs.Enqueue<SlackReplyJob>(job => job.DeliverAsync(json, target, CancellationToken.None));
    }
}
