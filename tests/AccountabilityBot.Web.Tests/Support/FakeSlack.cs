using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// Slack's Web API in-process, as documented: checks the bearer token, answers with Slack's recorded ok/error shapes
/// (Fixtures/slack), refuses posts to one channel faster than <see cref="ChannelLimit"/> with 429 + Retry-After, and
/// records every call, response_url posts included.
/// </summary>
public sealed partial class FakeSlack : HttpMessageHandler
{
    public const string BotToken = "xoxb-test-token", AppToken = "xapp-test-token";

    /// <param name="Error">Slack's error for an HTTP 200 {"ok":false} answer.</param>
    /// <param name="At">When the call reached Slack (the machine's clock).</param>
    public sealed record Call(string Method, string? Token, JsonObject Args, int Status, string? Error = null, DateTime At = default);

    readonly ConcurrentQueue<Call> calls = new();
    readonly ConcurrentDictionary<string, DateTime> lastPost = new();

    public TimeSpan ChannelLimit { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>chat.postMessage across the workspace: a burst faster than this gets 429 (see <see cref="WorkspaceBurst"/>).</summary>
    public int? WorkspacePostsPerMinute { get; set; }
    readonly Queue<DateTime> workspacePosts = new(); // the last ones accepted (WorkspaceBurst - 1 at most), oldest first

    /// <summary>
    /// The workspace limit's check: this many posts within <see cref="WorkspaceWindow"/> even spacings (at
    /// <see cref="WorkspacePostsPerMinute"/>) are too many. A bot that keeps the pace sends at most one more than the
    /// window's spacings in it; on a busy machine its posts may arrive late and bunched, and up to two spacings of
    /// lateness still pass. A bot twice too fast sends this many in less than the window.
    /// </summary>
    const int WorkspaceBurst = 7, WorkspaceWindow = 4;
    /// <summary>The next post to this channel is refused with 429, whatever the pace (as when another app just posted there).</summary>
    public string? RateLimitNextPostTo;
    /// <summary>What a 429 asks the caller to wait.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The next this-many Web API calls fail with HTTP 503, as during a Slack incident.</summary>
    public int FailNext;
    /// <summary>response_url posts answer 404 "expired_url", as after 30 minutes or five uses.</summary>
    public bool ResponseUrlsExpired { get; set; }
    /// <summary>Every call with its moment, channel and status, one a line: what a failed pacing test shows.</summary>
    public string Timeline() => string.Join("\n", Calls.Select(c => $"{c.At:HH:mm:ss.fff} {c.Method} {c.Args["channel"]} {c.Status}"));

    public HashSet<string> MissingChannels { get; } = ["CGONE"];
    public HashSet<string> ChannelsWithoutBot { get; } = ["CNOTIN"];
    public ConcurrentDictionary<string, (string Name, string Email, string Tz)> Users { get; } = new();
    /// <summary>The bot token this workspace accepts; any other is refused with invalid_auth.</summary>
    public string ValidToken { get; set; } = BotToken;
    readonly ConcurrentDictionary<string, bool> revoked = new();

    /// <summary>The app is uninstalled: its token is revoked, and every call with it answers HTTP 200 {"ok":false,"error":"token_revoked"}.</summary>
    public void Uninstall() => revoked[ValidToken] = true;

    /// <summary>The app is installed again, which issues a new bot token.</summary>
    public void Reinstall(string newToken) => ValidToken = newToken;

    /// <summary>The bot's own user, as auth.test reports it (the bot user of the member_joined_channel fixture).</summary>
    public string BotUserId { get; set; } = "W23456789";
    /// <summary>Where apps.connections.open points Socket Mode clients.</summary>
    public Uri? SocketUrl { get; set; }

    /// <summary>Slack's clock, for message timestamps (conversations.history filters on them).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    /// <summary>Methods the app was not granted the scope for: they answer missing_scope.</summary>
    public HashSet<string> MissingScopes { get; } = [];
    /// <summary>Runs after a post has reached its channel, before Slack answers: a test can hold the answer there.</summary>
    public Func<JsonObject, Task>? AfterPostArrived { get; set; }
    /// <summary>Runs before users.info answers: a test can hold the answer there, as a slow Slack would.</summary>
    public Func<Task>? BeforeUserInfo { get; set; }
    /// <summary>Runs when a Web API call arrives, before it is answered (or recorded): a test can hold any method there.</summary>
    public Func<string, Task>? BeforeAnswer { get; set; }
    readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> history = new();

    public IReadOnlyList<Call> Calls => [.. calls];
    public IReadOnlyList<Call> Of(string method) => [.. calls.Where(c => c.Method == method && c.Status == 200)];

    /// <summary>Messages that reached a conversation (chat.postMessage accepted), as their fallback text.</summary>
    public IReadOnlyList<string> PostedTo(string channel) =>
        [.. Of("chat.postMessage").Where(c => (string?)c.Args["channel"] == channel && c.Error is null).Select(c => (string)c.Args["text"]!)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri!.AbsolutePath.StartsWith(UploadPath, StringComparison.Ordinal)) return await UploadAsync(request, ct);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var isJson = request.Content?.Headers.ContentType?.MediaType == "application/json";
        var args = isJson ? JsonNode.Parse(body)!.AsObject() : FormArgs(body);
        var token = request.Headers.Authorization?.Parameter;
        if (request.RequestUri!.Host == "hooks.slack.com")
            return Record("response_url", token, args, ResponseUrlsExpired
                ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("expired_url") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") });
        var method = request.RequestUri.Segments[^1];
        if (BeforeAnswer is { } before) await before(method);
        if (Interlocked.Decrement(ref FailNext) >= 0)
            return Record(method, token, args,
                new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("upstream unavailable") });
        if (method == "users.info" && BeforeUserInfo is { } slow) await slow();
        var answer = Answer(method, token, args);
        var call = Record(method, token, args, answer, await ErrorOf(answer));
        if (method == "chat.postMessage" && answer.IsSuccessStatusCode && AfterPostArrived is { } hold) await hold(args);
        return call;
    }

    /// <summary>Message timestamps as Slack makes them: seconds.microseconds of its clock, unique and increasing.</summary>
    string NextTs()
    {
        var micros = Clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        lock (history) micros = lastTs = Math.Max(micros, lastTs + 1);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }

    long lastTs;

    HttpResponseMessage RateLimited()
    {
        var limited = Json(Fixture("web_error_ratelimited_http429.json"), HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(RetryAfter);
        return limited;
    }

    /// <summary>conversations.history: newest first, after `oldest`, `limit` a page, with a cursor for the next page.</summary>
    HttpResponseMessage History(string channel, JsonObject args)
    {
        static decimal Ts(string? ts) => decimal.Parse(ts ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var oldest = Ts((string?)args["oldest"]);
        var limit = int.Parse((string?)args["limit"] ?? "100");
        var skip = int.Parse((string?)args["cursor"] ?? "0");
        var all = history.GetValueOrDefault(channel)?.Where(m => Ts((string?)m["ts"]) > oldest).Reverse().ToList() ?? [];
        var page = new JsonArray([.. all.Skip(skip).Take(limit).Select(m => m.DeepClone())]);
        var more = skip + limit < all.Count;
        return Ok(new JsonObject
        {
            ["ok"] = true, ["messages"] = page, ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (skip + limit).ToString() : "" },
        });
    }

    HttpResponseMessage Record(string method, string? token, JsonObject args, HttpResponseMessage response, string? error = null)
    {
        calls.Enqueue(new Call(method, token, args, (int)response.StatusCode, error, DateTime.UtcNow));
        return response;
    }

    static async Task<string?> ErrorOf(HttpResponseMessage answer) =>
        JsonNode.Parse(await answer.Content.ReadAsStringAsync()) is JsonObject body && (bool?)body["ok"] == false ? (string?)body["error"] ?? "unknown" : null;

    HttpResponseMessage Answer(string method, string? token, JsonObject args)
    {
        if (method == "apps.connections.open")
            return token == AppToken
                ? Ok(new JsonObject { ["ok"] = true, ["url"] = SocketUrl?.ToString() })
                : Json(Fixture("web_auth_test_error_invalid_auth.json"));
        if (token is not null && revoked.ContainsKey(token)) return Ok(new JsonObject { ["ok"] = false, ["error"] = "token_revoked" });
        if (token != ValidToken) return Json(Fixture("web_auth_test_error_invalid_auth.json"));
        var channel = (string?)args["channel"];
        switch (method)
        {
            case "chat.postMessage":
                if (MissingChannels.Contains(channel!)) return Json(Fixture("web_conversations_open_error_channel_not_found.json"));
                if (ChannelsWithoutBot.Contains(channel!)) return Json(Fixture("web_conversations_rename_error_not_in_channel.json"));
                if (RateLimitNextPostTo is { } target && target == channel
                    && ReferenceEquals(Interlocked.CompareExchange(ref RateLimitNextPostTo, null, target), target)) return RateLimited();
                var now = DateTime.UtcNow;
                if (lastPost.TryGetValue(channel!, out var last) && now - last < ChannelLimit) return RateLimited();
                lastPost[channel!] = now;
                lock (lastPost)
                {
                    // Slack's own limit is "several hundred a minute", not a stopwatch, so a short gap alone says little.
                    if (WorkspacePostsPerMinute is { } perMinute && workspacePosts.Count == WorkspaceBurst - 1
                        && now - workspacePosts.Peek() < TimeSpan.FromMinutes((double)WorkspaceWindow / perMinute)) return RateLimited();
                    if (workspacePosts.Count == WorkspaceBurst - 1) workspacePosts.Dequeue();
                    workspacePosts.Enqueue(now);
                }
                if (ImageProblem(args) is { } refused) return refused;
                var posted = Fixture("web_chat_postMessage_ok.json");
                posted["channel"] = channel;
                posted["ts"] = NextTs();
                var kept = new JsonObject { ["type"] = "message", ["ts"] = (string?)posted["ts"], ["text"] = (string?)args["text"], ["bot_id"] = "B0BOT" };
                if (args["metadata"] is JsonObject metadata) kept["metadata"] = metadata.DeepClone();
                history.GetOrAdd(channel!, _ => new()).Enqueue(kept);
                return Json(posted);
            case "conversations.history":
                return MissingScopes.Contains(method)
                    ? Ok(new JsonObject { ["ok"] = false, ["error"] = "missing_scope", ["needed"] = "channels:history", ["provided"] = "chat:write" })
                    : History(channel!, args);
            case "auth.test":
                var auth = Fixture("web_auth_test_ok.json");
                auth["user_id"] = BotUserId;
                return Json(auth);
            case "chat.postEphemeral":
                return Ok(new JsonObject { ["ok"] = true, ["message_ts"] = "1700000000.000001" });
            case "conversations.info":
                if (MissingChannels.Contains(channel!)) return Json(Fixture("web_conversations_open_error_channel_not_found.json"));
                return Ok(new JsonObject
                {
                    ["ok"] = true,
                    ["channel"] = new JsonObject
                    {
                        ["id"] = channel, ["is_member"] = !ChannelsWithoutBot.Contains(channel!), ["is_im"] = channel!.StartsWith('D'),
                    },
                });
            case "conversations.open":
                var opened = Fixture("web_conversations_open_ok.json");
                opened["channel"]!["id"] = "D" + (string?)args["users"];
                return Json(opened);
            case "users.info":
                var id = (string)args["user"]!;
                if (!Users.TryGetValue(id, out var person)) return Json(Fixture("web_users_info_error_user_not_found.json"));
                var info = Fixture("web_users_info_ok.json");
                info["user"]!["id"] = id;
                info["user"]!["tz"] = person.Tz;
                info["user"]!["profile"]!["display_name"] = person.Name;
                info["user"]!["profile"]!["email"] = person.Email;
                return Json(info);
            case "files.getUploadURLExternal" or "files.completeUploadExternal":
                return FilesCall(method, args);
            case "views.open" or "views.publish":
                return Json(Fixture("web_views_open_ok.json"));
            default:
                return Ok(new JsonObject { ["ok"] = false, ["error"] = "unknown_method" });
        }
    }

    public static JsonObject Fixture(string name) => JsonNode.Parse(FixtureText(name))!.AsObject();

    public static string FixtureText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "slack", name));

    static JsonObject FormArgs(string body) =>
        new(QueryHelpers.ParseQuery(body).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value.ToString()))));

    static HttpResponseMessage Ok(JsonObject body) => Json(body);

    static HttpResponseMessage Json(JsonObject body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
