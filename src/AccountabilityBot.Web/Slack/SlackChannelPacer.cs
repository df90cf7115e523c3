using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Slack takes about one message per second per channel, and several hundred a minute across the workspace. Posts to
/// one channel queue here, in order, spaced by Slack:ChannelPostInterval, and every post takes the next free slot of
/// Slack:WorkspacePostsPerMinute, so a burst (a review to many channels, a morning of nudges) is delayed rather than
/// refused. Uses the machine's clock, not the app's TimeProvider: this is about real seconds on Slack's side.
/// </summary>
public sealed class SlackChannelPacer(IOptions<SlackSettings> options)
{
    sealed class Lane
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long LastPost;
    }

    readonly ConcurrentDictionary<string, Lane> lanes = new();
    readonly Lock workspaceLock = new();
    long nextWorkspaceSlot;

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
            var slot = ReserveWorkspaceSlot();
            if (slot > TimeSpan.Zero) await Task.Delay(slot, ct);
            try { return await post(); }
            finally { lane.LastPost = Stopwatch.GetTimestamp(); }
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>Books the next workspace-wide slot; returns how long until it.</summary>
    TimeSpan ReserveWorkspaceSlot()
    {
        var spacing = TimeSpan.FromMinutes(1) / options.Value.WorkspacePostsPerMinute;
        lock (workspaceLock)
        {
            var now = Stopwatch.GetTimestamp();
            var at = Math.Max(now, nextWorkspaceSlot);
            nextWorkspaceSlot = at + (long)(spacing.TotalSeconds * Stopwatch.Frequency);
            return Stopwatch.GetElapsedTime(now, at);
        }
    }
}
