using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Slack takes about one message per second per channel. Posts to one channel queue here, in order, spaced by
/// Slack:ChannelPostInterval, so a burst (a review to many readers, nudges) is delayed rather than refused.
/// Uses the machine's clock, not the app's TimeProvider: this is about real seconds on Slack's side.
/// </summary>
public sealed class SlackChannelPacer(IOptions<SlackSettings> options)
{
    sealed class Lane
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long LastPost;
    }

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
            try { return await post(); }
            finally { lane.LastPost = Stopwatch.GetTimestamp(); }
        }
        finally
        {
            lane.Gate.Release();
        }
    }
}
