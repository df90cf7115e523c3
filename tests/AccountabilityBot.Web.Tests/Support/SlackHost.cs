using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>The real host configured for Slack, its Web API calls going to a <see cref="FakeSlack"/>, and signed requests to it.</summary>
public sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    public FakeSlack Slack { get; }
    public BotApplication App { get; }
    public HttpClient Client => client ??= App.CreateClient();
    HttpClient? client;

    /// <param name="slack">Another host's Slack, for a restart against the same workspace.</param>
    public SlackHost(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null, string? dataDirectory = null, FakeSlack? slack = null)
    {
        Slack = slack ?? new FakeSlack();
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        App = new BotApplication(dataDirectory ?? BotApplication.NewDataDirectory(), new FakeTimeProvider(now ?? BotApplication.Thursday), all,
            services => services.AddHttpClient<SlackWebApi>().ConfigurePrimaryHttpMessageHandler(() => Slack));
        Slack.Clock = App.Clock;
    }

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType = "application/x-www-form-urlencoded",
        DateTimeOffset? at = null, int? retryNum = null)
    {
        var request = Signed(path, body, Secret, at ?? App.Clock.GetUtcNow(), contentType);
        if (retryNum is { } n) request.Headers.Add("X-Slack-Retry-Num", n.ToString());
        return Client.SendAsync(request);
    }

    /// <summary>A request signed as Slack signs it: v0 HMAC-SHA256 over "v0:{timestamp}:{body}".</summary>
    public static HttpRequestMessage Signed(
        string path, string body, string secret, DateTimeOffset at, string contentType = "application/x-www-form-urlencoded") =>
        Signed(path, Encoding.UTF8.GetBytes(body), secret, at, contentType);

    /// <summary>The same for raw bytes, which need not be UTF-8 (Slack signs bytes, not text).</summary>
    public static HttpRequestMessage Signed(string path, byte[] body, string secret, DateTimeOffset at, string? contentType)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(secret, timestamp, body));
        return request;
    }

    /// <summary>Runs `/cx TEXT` as a user in a channel and returns Slack's view of the answer (the response JSON).</summary>
    public async Task<JsonObject> CommandAsync(string text, string user = "UANA", string channel = "CLEAD", string? trigger = null)
    {
        var response = await PostSignedAsync("/slack/commands", CommandBody(text, user, channel, trigger));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static string CommandBody(string text, string user = "UANA", string channel = "CLEAD", string? trigger = null) =>
        $"token=x&team_id=T1&team_domain=acme&channel_id={channel}&channel_name=leadership&user_id={user}&user_name={user.ToLowerInvariant()}" +
        $"&command=%2Fcx&text={Uri.EscapeDataString(text)}&api_app_id=A1" +
        $"&response_url={Uri.EscapeDataString("https://hooks.slack.com/commands/T1/1/" + (trigger ?? Guid.NewGuid().ToString("N")))}" +
        $"&trigger_id={trigger ?? Guid.NewGuid().ToString("N")}";

    /// <summary>A view_submission of the answer modal <paramref name="view"/> (as views.open received it) with the typed answer.</summary>
    public static JsonObject Submission(string user, JsonObject view, string answer, string viewId = "V123")
    {
        var submitted = JsonNode.Parse(view.ToJsonString())!.AsObject();
        submitted["id"] = viewId;
        submitted["state"] = new JsonObject
        {
            ["values"] = new JsonObject { ["answer"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = answer } } },
        };
        return new JsonObject
        {
            ["type"] = "view_submission", ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() }, ["view"] = submitted,
        };
    }

    /// <summary>A click on a button of a message the bot posted in <paramref name="channel"/>.</summary>
    public static JsonObject Click(string user, string actionId, string value, string channel) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = channel },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["trigger_id"] = "1.2.posted",
        ["response_url"] = "https://hooks.slack.com/actions/T1/1/posted",
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = value }),
    };

    public Task<HttpResponseMessage> InteractAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()));

    public Task<HttpResponseMessage> EventAsync(JsonObject envelope, int? retryNum = null) =>
        PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", retryNum: retryNum);

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        await App.DisposeAsync();
    }
}
