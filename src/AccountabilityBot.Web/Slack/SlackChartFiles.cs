using System.Collections.Concurrent;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Charts;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Uploads the pictures of a message's charts before the message is posted. A picture is an extra, never a reason
/// not to post: when Slack will not take it (the app lacks files:write until it is reinstalled, a rate limit longer
/// than the bot waits), the message goes out with the chart's words alone. Files uploaded for a tagged post are
/// remembered for a while, so when the outbox sends that post again (Slack was down) it is not uploaded twice.
/// </summary>
public sealed class SlackChartFiles(SlackWebApi api, TimeProvider clock, ILogger<SlackChartFiles> log)
{
    static readonly TimeSpan Remembered = TimeSpan.FromHours(6);
    const int MaxRemembered = 1_000;

    readonly ConcurrentDictionary<string, (string FileId, DateTimeOffset At)> uploaded = new();

    /// <summary>The uploaded file of each chart in <paramref name="message"/>, by the chart itself.</summary>
    public async Task<Func<JarChartBlock, string?>?> UploadAsync(ChatMessage message, string? tag, CancellationToken ct)
    {
        var charts = message.Blocks.OfType<JarChartBlock>().ToList();
        if (charts.Count == 0) return null;
        var files = new Dictionary<JarChartBlock, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < charts.Count; i++)
        {
            var key = tag is null ? null : $"{tag}#{i}";
            if (key is not null && uploaded.TryGetValue(key, out var known) && clock.GetUtcNow() - known.At < Remembered)
            {
                files[charts[i]] = known.FileId;
                continue;
            }
            try
            {
                var chart = charts[i];
                var id = await api.UploadImageAsync(JarChartRenderer.Render(chart), "marble-jar.png", chart.Title, chart.AltText, ct);
                files[chart] = id;
                if (key is not null) Remember(key, id);
            }
            catch (ChatDeliveryException e) when (!e.NotInstalled)
            {
                log.LogWarning("The chart's picture was not uploaded to Slack ({Error}); the message carries its words only. {Advice}",
                    e.PlatformError, e.Advice);
            }
        }
        return chart => files.GetValueOrDefault(chart);
    }

    /// <summary>The message was posted (or given up on): its files need not be remembered.</summary>
    public void Forget(string? tag)
    {
        if (tag is null) return;
        foreach (var key in uploaded.Keys.Where(k => k.StartsWith(tag + "#", StringComparison.Ordinal))) uploaded.TryRemove(key, out _);
    }

    void Remember(string key, string fileId)
    {
        var now = clock.GetUtcNow();
        if (uploaded.Count >= MaxRemembered)
            foreach (var old in uploaded.OrderBy(u => u.Value.At).Take(MaxRemembered / 10).ToList()) uploaded.TryRemove(old.Key, out _);
        uploaded[key] = (fileId, now);
    }
}
