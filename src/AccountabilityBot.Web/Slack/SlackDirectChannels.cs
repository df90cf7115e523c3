using System.Collections.Concurrent;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Remembers each user's DM channel with the bot. It never changes, and conversations.open is a Tier 3 method (about
/// 50 calls a minute): without this, a morning of nudges to thousands of owners would be throttled past its window.
/// </summary>
public sealed class SlackDirectChannels
{
    readonly ConcurrentDictionary<string, string> byUser = new();

    public async Task<string> GetOrOpenAsync(string userId, Func<Task<string>> open)
    {
        if (byUser.TryGetValue(userId, out var channel)) return channel;
        channel = await open();
        byUser[userId] = channel;
        return channel;
    }
}
