using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

/// <summary>
/// A loopback Slack Web API that enforces Slack's per-channel posting limit (one message a second per channel: faster
/// gets 429 with Retry-After) and counts what each channel received, to find duplicates and losses.
/// </summary>
sealed class RateLimitedSlack : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, long> lastPost = new();
    public ConcurrentDictionary<string, int> Received { get; } = new();
    public int RateLimited;
    public string BaseUrl { get; private set; } = "";

    RateLimitedSlack(WebApplication app) => this.app = app;

    public static async Task<RateLimitedSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new RateLimitedSlack(app);
        app.MapPost("/api/chat.postMessage", async (HttpContext http) =>
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            var channel = body["channel"]!.GetValue<string>();
            var now = Environment.TickCount64;
            var previous = slack.lastPost.GetOrAdd(channel, long.MinValue);
            if (previous != long.MinValue && now - previous < 1000 || !slack.lastPost.TryUpdate(channel, now, previous))
            {
                Interlocked.Increment(ref slack.RateLimited);
                http.Response.Headers.RetryAfter = "1";
                return Results.Text("""{"ok":false,"error":"ratelimited"}""", "application/json", statusCode: 429);
            }
            slack.Received.AddOrUpdate(channel, 1, (_, n) => n + 1);
            return Results.Text($$"""{"ok":true,"channel":"{{channel}}","ts":"{{now}}.000100"}""", "application/json");
        });
        app.MapPost("/api/conversations.open", async (HttpContext http) =>
        {
            var user = (await http.Request.ReadFormAsync())["users"].ToString();
            return Results.Text("{\"ok\":true,\"channel\":{\"id\":\"D" + user + "\"}}", "application/json");
        });
        app.MapPost("/api/{method}", () => Results.Text("""{"ok":true,"user_id":"UBOT"}""", "application/json"));
        await app.StartAsync();
        slack.BaseUrl = app.Urls.First() + "/api/";
        return slack;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
