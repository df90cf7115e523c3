using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary><see cref="FakeSlack"/> served on a loopback port, for a bot running in another process.</summary>
public sealed class LoopbackSlack : IAsyncDisposable
{
    readonly WebApplication app;
    readonly HttpMessageInvoker slack;

    public FakeSlack Slack { get; } = new();
    public string ApiBaseUrl { get; }

    LoopbackSlack(WebApplication app, string baseUrl)
    {
        this.app = app;
        slack = new HttpMessageInvoker(Slack, disposeHandler: false);
        ApiBaseUrl = baseUrl + "/api/";
        Slack.UploadUrlBase = baseUrl;
    }

    public static async Task<LoopbackSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackSlack? loopback = null;
        app.Run(http => loopback!.ForwardAsync(http));
        await app.StartAsync();
        loopback = new LoopbackSlack(app, app.Urls.First());
        return loopback;
    }

    async Task ForwardAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://slack.test" + http.Request.Path))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        if (http.Request.ContentType is { } type) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        if (http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth) request.Headers.Authorization = AuthenticationHeaderValue.Parse(auth);
        using var response = await slack.SendAsync(request, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        if (response.Headers.RetryAfter?.Delta is { } wait) http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString();
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    /// <summary>How many weekly reviews each channel got.</summary>
    public Dictionary<string, int> ReviewsPerChannel() => Slack.Of("chat.postMessage").Where(c => IsReview(c.Args))
        .GroupBy(c => (string)c.Args["channel"]!).ToDictionary(g => g.Key, g => g.Count());

    public static bool IsReview(JsonObject post) =>
        ((string?)post["metadata"]?["event_payload"]?["outbox_key"])?.StartsWith("review:", StringComparison.Ordinal) == true;

    /// <summary>A signed `/cx` command from the CCO (UCCO) to a bot process; its answer, after asserting it was a success.</summary>
    public static async Task<string> CommandAsync(BotProcess bot, string secret, string text, string channel)
    {
        var request = SlackHost.Signed("/slack/commands", SlackHost.CommandBody(text, "UCCO", channel), secret, DateTimeOffset.UtcNow);
        var response = await bot.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        slack.Dispose();
        await app.DisposeAsync();
    }
}
