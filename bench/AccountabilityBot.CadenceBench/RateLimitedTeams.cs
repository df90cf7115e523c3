using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

/// <summary>
/// The Bot Connector and the token endpoint, in process, answering after a network-like delay. Enforces the documented
/// Teams limits: per bot per conversation 7 a second, 8 in 2 seconds, 60 in 30 seconds; and per app 50 a second
/// (faster gets 429 with Retry-After). Counts what each conversation received.
/// </summary>
sealed class RateLimitedTeams(TimeSpan latency) : HttpMessageHandler
{
    static readonly (int Count, long WindowMs)[] PerConversation = [(7, 1000), (8, 2000), (60, 30_000)];
    static readonly (int Count, long WindowMs)[] PerApp = [(50, 1000)];
    readonly Dictionary<string, Queue<long>> sent = [];
    public ConcurrentDictionary<string, int> Received { get; } = new();
    public int RateLimited;
    public ConcurrentQueue<long> Arrivals { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await Task.Delay(latency, ct);
        if (request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal))
            return Json(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":3600,"access_token":"bench-token"}""");
        var segments = request.RequestUri.AbsolutePath.Split('/');
        if (request.Method != HttpMethod.Post || segments[^1] != "activities") return Json(HttpStatusCode.NotFound, "{}");
        var conversation = Uri.UnescapeDataString(segments[^2]);
        var now = Environment.TickCount64;
        lock (sent)
        {
            if (!Admit("*", PerApp, now) || !Admit(conversation, PerConversation, now))
            {
                Interlocked.Increment(ref RateLimited);
                var limited = Json((HttpStatusCode)429, """{"error":{"code":"Throttled","message":"Too many requests"}}""");
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return limited;
            }
        }
        var count = Received.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        Arrivals.Enqueue(Stopwatch.GetTimestamp());
        return Json(HttpStatusCode.Created, $$"""{"id":"{{now}}-{{count}}"}""");
    }

    /// <summary>Sliding windows: admitted only if every window has room, and then counted in all of them.</summary>
    bool Admit(string key, (int Count, long WindowMs)[] limits, long now)
    {
        if (!sent.TryGetValue(key, out var times)) sent[key] = times = new();
        var longest = limits.Max(l => l.WindowMs);
        while (times.Count > 0 && now - times.Peek() >= longest) times.Dequeue();
        foreach (var (count, window) in limits)
            if (times.Count(t => now - t < window) >= count) return false;
        times.Enqueue(now);
        return true;
    }

    static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
