using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>A Slack user as users.info describes them; <paramref name="TimeZone"/> is the IANA name, never the offset.</summary>
public sealed record SlackUser(string Id, string Name, string? Email, string? TimeZone, bool IsBot)
{
    /// <summary>Reads Slack's user object: users.info's `user` and the user_change event's.</summary>
    public static SlackUser? From(JsonElement user)
    {
        static string? Get(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
        if (Get(user, "id") is not { } id) return null;
        var profile = user.TryGetProperty("profile", out var p) ? p : default;
        var name = Get(profile, "display_name") ?? Get(profile, "real_name") ?? Get(user, "real_name") ?? Get(user, "name") ?? id;
        return new SlackUser(id, name, Get(profile, "email"), Get(user, "tz"),
            user.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True);
    }
}

/// <summary>
/// The Slack Web API methods the bot uses, against Slack:ApiBaseUrl. `ok:false` becomes a
/// <see cref="ChatDeliveryException"/>; 429s wait out Retry-After; transient failures are retried a few times. Once Slack
/// refuses the bot token (app uninstalled, token revoked), Slack is paused: no call with the token is made until
/// <see cref="CheckTokenAsync"/> finds one that works.
/// </summary>
public sealed partial class SlackWebApi(
    HttpClient http, IOptionsMonitor<SlackSettings> options, SlackChannelPacer pacer, PlatformPauses pauses, ILogger<SlackWebApi> log)
{
    SlackSettings Settings => options.CurrentValue;

    public Task<string> PostMessageAsync(string channel, JsonObject message, CancellationToken ct) =>
        pacer.RunAsync(channel, async () =>
        {
            message["channel"] = channel;
            var result = await CallJsonAsync("chat.postMessage", message, channel, ct);
            return result.GetProperty("ts").GetString()!;
        }, ct);

    public async Task PostEphemeralAsync(string channel, string user, JsonObject message, CancellationToken ct)
    {
        message["channel"] = channel;
        message["user"] = user;
        await CallJsonAsync("chat.postEphemeral", message, channel, ct);
    }

    /// <summary>
    /// conversations.history from <paramref name="oldest"/> on, newest first, metadata included, a page at a time (the
    /// bot's own recent posts: asked only about a post whose sender died mid-send).
    /// </summary>
    public async IAsyncEnumerable<JsonElement> HistoryAsync(
        string channel, DateTime oldest, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var args = new Dictionary<string, string>
        {
            ["channel"] = channel, ["include_all_metadata"] = "true", ["limit"] = HistoryPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oldest"] = (new DateTimeOffset(oldest, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0)
                .ToString("F6", System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var result = await BotCallAsync("conversations.history", () => new FormUrlEncodedContent(args), channel, ct);
            foreach (var message in result.GetProperty("messages").EnumerateArray()) yield return message;
            if (!result.TryGetProperty("response_metadata", out var meta) || !meta.TryGetProperty("next_cursor", out var next)
                || next.GetString() is not { Length: > 0 } cursor) yield break;
            args["cursor"] = cursor;
        }
    }

    /// <summary>History is Tier 3; a lost post is looked for in the last few minutes, so a handful of pages is plenty.</summary>
    const int MaxHistoryPages = 10, HistoryPageSize = 200;
    public const int MaxHistoryMessages = MaxHistoryPages * HistoryPageSize;

    public async Task<string> OpenConversationAsync(string userId, CancellationToken ct) =>
        (await CallFormAsync("conversations.open", new() { ["users"] = userId }, ct)).GetProperty("channel").GetProperty("id").GetString()!;

    /// <summary>conversations.info: whether the bot is a member (DMs count as joined).</summary>
    public async Task<(bool IsMember, bool IsDirect)> ConversationInfoAsync(string channel, CancellationToken ct)
    {
        var info = (await CallFormAsync("conversations.info", new() { ["channel"] = channel }, ct)).GetProperty("channel");
        static bool Flag(System.Text.Json.JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.True;
        return (Flag(info, "is_member"), Flag(info, "is_im"));
    }

    public async Task<SlackUser> UserInfoAsync(string userId, CancellationToken ct) =>
        ReadUser(await CallFormAsync("users.info", new() { ["user"] = userId }, ct));

    public Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        CallJsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, null, ct);

    public Task PublishHomeAsync(string userId, JsonObject view, CancellationToken ct) =>
        CallJsonAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view }, null, ct);

    /// <summary>auth.test: who the bot token belongs to; its user_id is the bot's own user.</summary>
    public async Task<string> BotUserIdAsync(CancellationToken ct) =>
        (await CallFormAsync("auth.test", [], ct)).GetProperty("user_id").GetString()!;

    /// <summary>
    /// auth.test asked even while Slack is paused: the one call that finds out whether the configured token works.
    /// </summary>
    /// <returns>The bot's own user id.</returns>
    public async Task<string> CheckTokenAsync(CancellationToken ct) =>
        (await BotCallAsync("auth.test", () => new FormUrlEncodedContent([]), null, ct, evenWhenPaused: true)).GetProperty("user_id").GetString()!;

    /// <summary>Posts to an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task RespondAsync(string responseUrl, JsonObject body, CancellationToken ct)
    {
        var json = body.ToJsonString();
        await SendAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = JsonContent(json) }, null, ct);
    }

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode URL.</summary>
    public async Task<Uri> OpenSocketAsync(CancellationToken ct)
    {
        var result = await SendAsync("apps.connections.open", () =>
            Authorized(
                new HttpRequestMessage(HttpMethod.Post, "apps.connections.open") { Content = new FormUrlEncodedContent([]) },
                Settings.AppToken),
            null, ct);
        return new Uri(result.GetProperty("url").GetString()!);
    }

    Task<JsonElement> CallJsonAsync(string method, JsonObject args, string? channel, CancellationToken ct)
    {
        var json = args.ToJsonString();
        return BotCallAsync(method, () => JsonContent(json), channel, ct);
    }

    Task<JsonElement> CallFormAsync(string method, Dictionary<string, string> args, CancellationToken ct) =>
        BotCallAsync(method, () => new FormUrlEncodedContent(args), null, ct);

    /// <summary>
    /// A call with the bot token. While Slack is paused none is made (each would fail the same way); a refused token
    /// pauses Slack, whichever call finds out, since Slack's uninstall event may never arrive.
    /// </summary>
    async Task<JsonElement> BotCallAsync(string method, Func<HttpContent> content, string? channel, CancellationToken ct, bool evenWhenPaused = false)
    {
        if (!evenWhenPaused && pauses.Reason(ChatPlatform.Slack) is { } reason)
            throw new ChatDeliveryException("slack_paused", permanent: true, reason, notInstalled: true);
        var token = Settings.BotToken;
        try
        {
            return await SendAsync(method, () => Authorized(new HttpRequestMessage(HttpMethod.Post, method) { Content = content() }, token), channel, ct);
        }
        catch (ChatDeliveryException ex) when (ex.NotInstalled)
        {
            if (token == Settings.BotToken && pauses.Pause(ChatPlatform.Slack, ex.Advice))
                log.LogWarning("Slack refused the bot token ({Error}) in {Method}; nothing is sent to Slack until a working token is seen",
                    ex.PlatformError, method);
            throw;
        }
    }

    static HttpRequestMessage Authorized(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    static SlackUser ReadUser(JsonElement result) =>
        SlackUser.From(result.GetProperty("user")) ?? throw new JsonException("Slack answered with a user without an id.");

    static StringContent JsonContent(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
}
