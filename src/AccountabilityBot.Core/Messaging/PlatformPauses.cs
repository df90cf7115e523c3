using System.Collections.Concurrent;
using System.Threading.Channels;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>A platform paused (nothing can be posted there) or working again, with why it was paused.</summary>
/// <param name="Episode">How many times this process saw the platform come back before: tells one outage's notices from the next.</param>
public sealed record PauseChange(ChatPlatform Platform, bool Paused, string Reason, int Episode);

/// <summary>
/// Platforms the bot cannot post to at all (the app was uninstalled, its token revoked): their posts are held in the
/// outbox, neither sent nor failed nor counted as attempts, and the platform is not called until it works again.
/// Kept in memory only: at start-up each platform's own check (Slack's auth.test) decides afresh, and any call the
/// platform refuses for the same reason pauses it again, so nothing has to survive a restart.
/// </summary>
public sealed class PlatformPauses
{
    readonly ConcurrentDictionary<ChatPlatform, string> paused = new();
    readonly ConcurrentDictionary<ChatPlatform, int> returns = new();
    readonly Channel<PauseChange> changes = Channel.CreateUnbounded<PauseChange>(new() { SingleReader = true });

    public bool IsPaused(ChatPlatform platform) => paused.ContainsKey(platform);

    /// <summary>The platforms paused now (a copy: the outbox's queries take it as a parameter).</summary>
    public List<ChatPlatform> Paused => [.. paused.Keys];

    public string? Reason(ChatPlatform platform) => paused.GetValueOrDefault(platform);

    /// <returns>True when this call paused it (it was working until now).</returns>
    public bool Pause(ChatPlatform platform, string reason)
    {
        if (!paused.TryAdd(platform, reason)) return false;
        changes.Writer.TryWrite(new PauseChange(platform, true, reason, returns.GetValueOrDefault(platform)));
        return true;
    }

    /// <returns>True when this call ended a pause.</returns>
    public bool Resume(ChatPlatform platform)
    {
        if (!paused.TryRemove(platform, out var reason)) return false;
        var episode = returns.AddOrUpdate(platform, 1, (_, n) => n + 1);
        changes.Writer.TryWrite(new PauseChange(platform, false, reason, episode - 1));
        return true;
    }

    /// <summary>Every pause and return, in order, for the host to tell the CCO and deliver what was held.</summary>
    public ChannelReader<PauseChange> Changes => changes.Reader;
}
