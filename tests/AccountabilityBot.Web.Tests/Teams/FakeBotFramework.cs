using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>A request the bot made to the Bot Connector.</summary>
public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, DateTimeOffset At, int Status, string? ResponseId = null);

/// <summary>
/// The Microsoft side of Teams, in process: the OpenID metadata and key set, the token endpoint (checks the client
/// secret) and a Bot Connector that checks the bot's token, records what it was sent, enforces the per-conversation
/// limits with 429 + Retry-After, and answers with the documented shapes and errors (recorded fixtures).
/// </summary>
public sealed class FakeBotFramework
{
    public const string AppId = "6e0f6a3c-2d4b-4c55-9c5e-0c3b1f7a9d21";
    public const string AppPassword = "test-client-secret";
    public const string MetadataUrl = "https://login.test/v1/.well-known/openidconfiguration";
    const string KeysUrl = "https://login.test/v1/.well-known/keys";
    const string TokenUrl = "https://login.test/botframework.com/oauth2/v2.0/token";
    const string AccessToken = "connector-token-1";

    public TokenMinter Keys { get; } = new();
    public int MetadataFetches;
    /// <summary>The Bot Framework's OpenID endpoint is down.</summary>
    public bool MetadataDown { get; set; }
    public int TokenRequests;
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    /// <summary>Users who have not installed the app: creating a 1:1 chat with them is 403 BotNotInConversationRoster.</summary>
    public ConcurrentDictionary<string, bool> NotInstalled { get; } = new();
    /// <summary>One-shot answers that take precedence, e.g. a 429 for the next post.</summary>
    public ConcurrentQueue<HttpResponseMessage> Next { get; } = new();
    /// <summary>Cards the bot sent that are not valid Adaptive Cards 1.5 (the fake refuses them with 400, as Teams would).</summary>
    public ConcurrentQueue<string> InvalidCards { get; } = new();

    /// <summary>Network trouble on the way to the Connector: return an exception to throw instead of answering.</summary>
    public Func<HttpRequestMessage, Exception?>? Fault { get; set; }
    /// <summary>Runs before a member lookup (GET …/members/{id}) answers: a test can hold it there, as a slow Connector would.</summary>
    public Func<Task>? BeforeMemberLookup { get; set; }
    readonly ConcurrentDictionary<string, List<DateTimeOffset>> posts = new();
    int ids = 1000;

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = AppPassword,
        ["Teams:OpenIdMetadataUrl"] = MetadataUrl,
        ["Teams:TokenEndpoint"] = TokenUrl,
    };

    /// <summary>Every HTTP client of the host talks to this fake; nothing leaves the process.</summary>
    public void Install(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => new Forward(this)));

    public IEnumerable<ConnectorCall> Posts =>
        Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal) && c.Status == 200);

    public static HttpResponseMessage Json(HttpStatusCode status, string json, TimeSpan? retryAfter = null)
    {
        var r = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryAfter is { } wait) r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        return r;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", name));

    async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request)
    {
        var url = request.RequestUri!.ToString();
        if (url == MetadataUrl)
        {
            Interlocked.Increment(ref MetadataFetches);
            if (MetadataDown) return Json(HttpStatusCode.ServiceUnavailable, "{}");
            var metadata = JsonNode.Parse(Fixture("openid_configuration_botframework_docs.json"))!;
            metadata["jwks_uri"] = KeysUrl;
            return Json(HttpStatusCode.OK, metadata.ToJsonString());
        }
        if (url == KeysUrl) return Json(HttpStatusCode.OK, Keys.KeySetJson());
        if (url == TokenUrl)
        {
            Interlocked.Increment(ref TokenRequests);
            var form = await request.Content!.ReadAsStringAsync();
            return form.Contains("client_secret=" + Uri.EscapeDataString(AppPassword), StringComparison.Ordinal)
                && form.Contains("grant_type=client_credentials", StringComparison.Ordinal)
                ? Json(HttpStatusCode.OK, $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{AccessToken}}"}""")
                : Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""");
        }
        return await ConnectorAsync(request);
    }

    async Task<HttpResponseMessage> ConnectorAsync(HttpRequestMessage request)
    {
        if (Fault?.Invoke(request) is { } fault) throw fault;
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync());
        if (request.Method == HttpMethod.Get && path.Contains("/members/", StringComparison.Ordinal) && BeforeMemberLookup is { } slow) await slow();
        var response = Route(request, path, body);
        var answer = await response.Content.ReadAsStringAsync();
        var id = response.IsSuccessStatusCode && JsonNode.Parse(answer) is JsonObject o ? o["id"]?.GetValue<string>() : null;
        Calls.Enqueue(new ConnectorCall(request.Method.Method, path, body, DateTimeOffset.UtcNow, (int)response.StatusCode, id));
        return response;
    }

    HttpResponseMessage Route(HttpRequestMessage request, string path, JsonNode? body)
    {
        if (request.Headers.Authorization?.ToString() != "Bearer " + AccessToken)
            return Json(HttpStatusCode.Unauthorized, """{"error":{"code":"BotNotRegistered","message":"Unauthorized"}}""");
        if (Next.TryDequeue(out var scripted)) return scripted;
        // The service URL has a path of its own (…/amer/); the API starts at v3.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s != "v3").ToArray();
        var conversation = segments.Length > 2 ? segments[2] : "create";
        if (request.Method == HttpMethod.Post && !Allowed(conversation))
            return Json(HttpStatusCode.TooManyRequests, Fixture("connector_error_too_many_requests_http429.json"), TimeSpan.FromSeconds(1));

        if (request.Method == HttpMethod.Post && segments is ["v3", "conversations"])
        {
            var user = body?["members"]?[0]?["id"]?.GetValue<string>() ?? "";
            if (NotInstalled.ContainsKey(user))
                return Json(HttpStatusCode.Forbidden, Fixture("connector_error_bot_not_in_conversation_roster_http403.json"));
            if (body?["channelData"]?["tenant"]?["id"] is null)
                return Json(HttpStatusCode.BadRequest, """{"error":{"code":"BadArgument","message":"Tenant id is required"}}""");
            var created = JsonNode.Parse(Fixture("connector_create_conversation_response.json"))!;
            created["id"] = "a:dm-" + user;
            return Json(HttpStatusCode.OK, created.ToJsonString());
        }
        if (segments is ["v3", "conversations", _, "activities", ..])
        {
            if (body?["type"]?.GetValue<string>() != "message")
                return Json(HttpStatusCode.BadRequest, """{"error":{"code":"BadArgument","message":"Activity type required"}}""");
            var cards = (body["attachments"]?.AsArray() ?? []).Where(x => x?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive");
            foreach (var card in cards)
                if (CardSchema.Errors(card!["content"]!.AsObject()) is { } errors)
                {
                    InvalidCards.Enqueue(errors);
                    return Json(HttpStatusCode.BadRequest, """{"error":{"code":"BadArgument","message":"Invalid Adaptive Card"}}""");
                }
            var id = segments.Length > 4 && request.Method == HttpMethod.Put
                ? segments[4]
                : Interlocked.Increment(ref ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Json(HttpStatusCode.OK, $$"""{"id":"{{id}}"}""");
        }
        if (request.Method == HttpMethod.Get && segments is ["v3", "conversations", _, "members", _])
            return Json(HttpStatusCode.OK, Fixture("connector_get_member_response_sdk_test.json"));
        return Json(HttpStatusCode.NotFound, """{"error":{"code":"NotFound","message":"No such operation"}}""");
    }

    /// <summary>Teams' documented per-bot, per-conversation limits: 7 per second and 8 per 2 seconds.</summary>
    bool Allowed(string conversation)
    {
        var now = DateTimeOffset.UtcNow;
        var list = posts.GetOrAdd(conversation, _ => []);
        lock (list)
        {
            if (list.Count(t => t > now.AddSeconds(-1)) >= 7 || list.Count(t => t > now.AddSeconds(-2)) >= 8) return false;
            list.Add(now);
            return true;
        }
    }

    sealed class Forward(FakeBotFramework fake) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => fake.HandleAsync(request);
    }
}
