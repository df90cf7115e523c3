using System.Collections.Concurrent;
using System.Text.Json.Nodes;

/// <summary>
/// A loopback Slack Web API that answers after a network-like delay and enforces Slack's posting limits: one message a
/// second per channel, and a workspace-wide rate (faster gets 429 with Retry-After). Counts what each channel received,
/// to find duplicates and losses.
/// </summary>
sealed class RateLimitedSlack : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, long> lastPost = new();
    readonly Lock workspace = new();
    long lastWorkspacePost = long.MinValue;
    public ConcurrentDictionary<string, int> Received { get; } = new();
    public ConcurrentDictionary<string, int> BySender { get; } = new();
    public int RateLimited, Opens;
    public string BaseUrl { get; private set; } = "";

    RateLimitedSlack(WebApplication app) => this.app = app;

    public static async Task<RateLimitedSlack> StartAsync(TimeSpan latency, int workspacePostsPerMinute)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new RateLimitedSlack(app);
        // A little slack for the bot's timers: Slack's own limit is "several hundred a minute", not a stopwatch.
        var workspaceSpacing = (long)(60_000 * 0.9 / workspacePostsPerMinute);
        // Each bot process may be given its own path prefix ("/a/api/"), so the posts can be told apart by sender.
        var post = async (HttpContext http) =>
        {
            await Task.Delay(latency);
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            var channel = body["channel"]!.GetValue<string>();
            var now = Environment.TickCount64;
            var previous = slack.lastPost.GetOrAdd(channel, long.MinValue);
            bool workspaceOk;
            lock (slack.workspace)
            {
                workspaceOk = slack.lastWorkspacePost == long.MinValue || now - slack.lastWorkspacePost >= workspaceSpacing;
                if (workspaceOk) slack.lastWorkspacePost = now;
            }
            if (!workspaceOk || previous != long.MinValue && now - previous < 1000 || !slack.lastPost.TryUpdate(channel, now, previous))
            {
                Interlocked.Increment(ref slack.RateLimited);
                http.Response.Headers.RetryAfter = "1";
                return Results.Text("""{"ok":false,"error":"ratelimited"}""", "application/json", statusCode: 429);
            }
            slack.Received.AddOrUpdate(channel, 1, (_, n) => n + 1);
            slack.BySender.AddOrUpdate(http.Request.RouteValues["sender"] as string ?? "", 1, (_, n) => n + 1);
            return Results.Text($$"""{"ok":true,"channel":"{{channel}}","ts":"{{now / 1000}}.{{now % 1000:D3}}000"}""", "application/json");
        };
        app.MapPost("/api/chat.postMessage", post);
        app.MapPost("/{sender}/api/chat.postMessage", post);
        app.MapPost("/api/conversations.open", async (HttpContext http) =>
        {
            await Task.Delay(latency);
            Interlocked.Increment(ref slack.Opens);
            var user = (await http.Request.ReadFormAsync())["users"].ToString();
            return Results.Text("{\"ok\":true,\"channel\":{\"id\":\"D" + user + "\"}}", "application/json");
        });
        app.MapPost("/api/{method}", () => Results.Text("""{"ok":true,"user_id":"UBOT"}""", "application/json"));
        app.MapPost("/{sender}/api/{method}", () => Results.Text("""{"ok":true,"user_id":"UBOT"}""", "application/json"));
        await app.StartAsync();
        slack.BaseUrl = app.Urls.First() + "/api/";
        return slack;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
