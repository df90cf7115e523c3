using System.Collections.Concurrent;
using System.Diagnostics;
using AccountabilityBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Slack takes about one message per second per channel, and several hundred a minute across the workspace. Posts to
/// one channel queue here, in order, spaced by Slack:ChannelPostInterval from the end of the one before, and then
/// book their turn under both limits through <see cref="ISendPacing"/>, which every instance on one PostgreSQL
/// database shares; so a burst (a review to many channels, a morning of nudges) is delayed rather than refused, however
/// many instances send it. Uses the machine's clock, not the app's TimeProvider: this is about real seconds on Slack's side.
/// </summary>
public sealed class SlackChannelPacer(IOptions<SlackSettings> options, ISendPacing pacing, ILogger<SlackChannelPacer> log)
{
    sealed class Lane
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long LastPost;
    }

    /// <summary>The key of the workspace-wide limit.</summary>
    public const string Workspace = "slack:workspace";

    readonly ConcurrentDictionary<string, Lane> lanes = new();

    public async Task<T> RunAsync<T>(string channel, Func<Task<T>> post, CancellationToken ct)
    {
        var lane = lanes.GetOrAdd(channel, _ => new Lane());
        await lane.Gate.WaitAsync(ct);
        try
        {
            if (lane.LastPost != 0)
            {
                var wait = options.Value.ChannelPostInterval - Stopwatch.GetElapsedTime(lane.LastPost);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            }
            await pacing.WaitTurnAsync(Limits(channel), ct);
            try { return await post(); }
            finally { lane.LastPost = Stopwatch.GetTimestamp(); }
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>
    /// Slack answered 429 for a post to <paramref name="channel"/>: every instance holds that channel for the wait.
    /// Best effort: the post's own retry waits regardless.
    /// </summary>
    public async Task HoldAsync(string channel, TimeSpan wait, CancellationToken ct)
    {
        try { await pacing.HoldAsync([ChannelLimit(channel)], wait, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Could not share Slack's wait for {Channel} with other instances: {Error}", channel, ex.Message);
        }
    }

    /// <summary>The retry of a post refused with 429 books its turn after the hold; how long until it.</summary>
    public async Task<TimeSpan> TurnAfterHoldAsync(string channel, TimeSpan wait, CancellationToken ct)
    {
        try { return Max(wait, await pacing.BookAsync([ChannelLimit(channel)], ct)); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Could not book a turn for {Channel} after Slack's wait: {Error}", channel, ex.Message);
            return wait;
        }
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public IReadOnlyList<PaceLimit> Limits(string channel) =>
        [ChannelLimit(channel), new(Workspace, 1, TimeSpan.FromMinutes(1) / options.Value.WorkspacePostsPerMinute)];

    PaceLimit ChannelLimit(string channel) => new("slack:" + channel, 1, options.Value.ChannelPostInterval);
}
