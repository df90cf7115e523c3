using System.Net;
using System.Text.Json;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Web.Slack;

public sealed partial class SlackWebApi
{
    const int MaxAttempts = 4;

    /// <summary>
    /// One call with Slack's retry rules. A 429 means nothing was done, so waiting Retry-After and trying again cannot
    /// duplicate a post. A 5xx or a refused connection is retried with backoff; a timeout is not, because the post
    /// may have gone through. The waits are real seconds (Slack's clock), not the app's TimeProvider.
    /// </summary>
    async Task<JsonElement> SendAsync(string method, Func<HttpRequestMessage> build, string? channel, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(build(), ct);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                if (attempt < MaxAttempts) { await Task.Delay(Backoff(attempt), ct); continue; }
                throw SlackErrors.ToException(method, "connection_failed", channel, inner: ex);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw SlackErrors.ToException(method, "request_timeout", channel, inner: ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    BotMetrics.RateLimited(ChatPlatform.Slack);
                    log.LogWarning("Slack rate-limited {Method}; waiting {Seconds} s", method, wait.TotalSeconds);
                    // A post's channel is held for every instance, and this post's retry takes the first turn after the wait.
                    var paced = method == "chat.postMessage" && channel is not null;
                    if (paced) await pacer.HoldAsync(channel!, wait, ct);
                    if (attempt >= MaxAttempts || wait > Settings.MaxRetryAfterWait)
                        throw SlackErrors.ToException(method, "ratelimited", channel, wait);
                    await Task.Delay(paced ? await pacer.TurnAfterHoldAsync(channel!, wait, ct) : wait, ct);
                    continue;
                }
                if ((int)response.StatusCode >= 500)
                {
                    if (attempt < MaxAttempts) { await Task.Delay(Backoff(attempt), ct); continue; }
                    throw SlackErrors.ToException(method, "http_error", channel);
                }
                var text = await response.Content.ReadAsStringAsync(ct);
                if (method == "response_url") return ResponseUrlResult(response.StatusCode, text, channel);
                if (method == FileUpload)
                    return (int)response.StatusCode >= 400
                        ? throw SlackErrors.ToException(method, "upload_failed", channel)
                        : JsonDocument.Parse("{\"ok\":true}").RootElement;
                JsonElement root;
                try { root = JsonDocument.Parse(text).RootElement; }
                catch (JsonException ex) { throw SlackErrors.ToException(method, "http_error", channel, inner: ex); }
                if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True) return root;
                var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
                if (SlackErrors.IsTransient(error) && attempt < MaxAttempts) { await Task.Delay(Backoff(attempt), ct); continue; }
                throw SlackErrors.ToException(method, error, channel);
            }
        }
    }

    // response_url answers plain "ok" (or JSON); 404 means it expired (30 minutes) or was used five times.
    static JsonElement ResponseUrlResult(HttpStatusCode status, string text, string? channel) =>
        (int)status >= 400 || text.Contains("expired_url") || text.Contains("used_url")
            ? throw new Core.Messaging.ChatDeliveryException("expired_url", permanent: true,
                "The reply link Slack gave expired; the answer goes by direct message instead.")
            : JsonDocument.Parse("{\"ok\":true}").RootElement;

    static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
}
