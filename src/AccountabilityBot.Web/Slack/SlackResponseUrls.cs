using System.Collections.Concurrent;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The response_urls of deliveries whose answer follows later, in memory only. Their path is a credential (anyone
/// holding it can post into that conversation), so it is never stored or put in a job; after a restart the answer
/// goes privately in the channel or by DM instead, which needs no link.
/// </summary>
public sealed class SlackResponseUrls(TimeProvider clock)
{
    /// <summary>Slack honours a response_url for 30 minutes.</summary>
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    readonly ConcurrentDictionary<string, (string Url, DateTimeOffset Until)> urls = new();

    public void Remember(string deliveryId, string url)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, kept) in urls)
            if (kept.Until < now) urls.TryRemove(key, out _);
        urls[deliveryId] = (url, now + Lifetime);
    }

    /// <summary>The link for this delivery, once; null when there was none, it expired, or the process restarted.</summary>
    public string? Take(string deliveryId) =>
        urls.TryRemove(deliveryId, out var kept) && kept.Until >= clock.GetUtcNow() ? kept.Url : null;
}
