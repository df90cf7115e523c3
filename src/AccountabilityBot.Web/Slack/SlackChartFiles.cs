using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Charts;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Uploads the pictures of a message's charts before the message is posted. A file the bot uploaded can be shown in
/// any conversation, so each picture is drawn and uploaded once and remembered by its numbers: the review fanned out
/// to many channels uploads one file, and a post the outbox sends again (Slack was down) does not upload twice.
/// A picture is an extra, never a reason not to post: when Slack will not take it (the app lacks files:write until
/// it is reinstalled, a rate limit longer than the bot waits), the message goes out with the chart's words alone.
/// </summary>
public sealed class SlackChartFiles(SlackWebApi api, ILogger<SlackChartFiles> log)
{
    /// <summary>A refusal is remembered briefly too, so a fan-out does not ask Slack once per channel for what it refused.</summary>
    static readonly TimeSpan Remembered = TimeSpan.FromHours(6), RefusalRemembered = TimeSpan.FromMinutes(5);
    const int MaxRemembered = 200;

    readonly ConcurrentDictionary<string, Upload> uploads = new();

    sealed record Upload(Task<string?> File, DateTime At);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The uploaded file of each chart in <paramref name="message"/>, or null for a message without charts.</summary>
    public async Task<Func<JarChartBlock, string?>?> UploadAsync(ChatMessage message, CancellationToken ct)
    {
        var charts = message.Blocks.OfType<JarChartBlock>().ToList();
        if (charts.Count == 0) return null;
        var files = new Dictionary<JarChartBlock, string>(ReferenceEqualityComparer.Instance);
        foreach (var chart in charts)
            if (await FileOfAsync(chart, ct) is { } id) files[chart] = id;
        return chart => files.GetValueOrDefault(chart);
    }

    async Task<string?> FileOfAsync(JarChartBlock chart, CancellationToken ct)
    {
        var key = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(chart, Json)));
        var now = DateTime.UtcNow;
        var upload = uploads.AddOrUpdate(key, _ => Start(chart, now), (_, known) => Fresh(known, now) ? known : Start(chart, now));
        if (uploads.Count > MaxRemembered)
            foreach (var old in uploads.OrderBy(u => u.Value.At).Take(uploads.Count - MaxRemembered).ToList()) uploads.TryRemove(old);
        try
        {
            return await upload.File.WaitAsync(ct);
        }
        catch (Exception)
        {
            uploads.TryRemove(KeyValuePair.Create(key, upload)); // cancelled or slack_paused: the next post tries again
            throw;
        }
    }

    static bool Fresh(Upload known, DateTime now) =>
        !known.File.IsCompleted || (known.File.IsCompletedSuccessfully && now - known.At < (known.File.Result is null ? RefusalRemembered : Remembered));

    // Not the caller's token: other posts of the same picture may be waiting for this upload. Nor the caller's
    // context: a private file is not a post, so it does not mark the send as having left (SendProgress), and a send
    // stopped while its picture uploads is released rather than left in doubt.
    Upload Start(JarChartBlock chart, DateTime now)
    {
        using (ExecutionContext.SuppressFlow()) return new(Task.Run(() => UploadAsync(chart)), now);
    }

    async Task<string?> UploadAsync(JarChartBlock chart)
    {
        try
        {
            return await api.UploadImageAsync(JarChartRenderer.Render(chart), "marble-jar.png", chart.Title, chart.AltText, CancellationToken.None);
        }
        catch (ChatDeliveryException e) when (!e.NotInstalled)
        {
            log.LogWarning("The chart's picture was not uploaded to Slack ({Error}); the message carries its words only. {Advice}",
                e.PlatformError, e.Advice);
            return null;
        }
    }
}
