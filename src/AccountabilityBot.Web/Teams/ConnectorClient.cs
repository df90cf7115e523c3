using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// The Bot Connector REST API (v3) at a conversation's service URL. Posts are paced per conversation; 429, 412, 502,
/// 503 and 504 are retried after Retry-After or an exponential backoff with jitter; a request whose outcome is
/// unknown (sent, then no answer) is never re-sent, so a post cannot appear twice. Once the bot's credentials are
/// refused (password revoked, app registration deleted) Teams is paused: nothing is called until a start-up finds them working.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpFactory, BotTokenProvider tokens, ConversationRateLimiter limiter,
    ConnectorRetryPolicy retry, PlatformPauses pauses, ILogger<ConnectorClient> log)
{
    public const string HttpClientName = "teams-connector";

    public async Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        (await CallAsync<ResourceResponse>(
            HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, conversationId, ct))?.Id;

    /// <summary>Replaces a message the bot posted (e.g. a card after a button was used).</summary>
    public Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}",
            activity with { Id = activityId }, conversationId, ct);

    /// <summary>Opens (or finds) the 1:1 chat between the bot and a user of <paramref name="tenantId"/>.</summary>
    public async Task<string> CreateConversationAsync(string serviceUrl, string botId, string userId, string? tenantId, CancellationToken ct)
    {
        var body = new
        {
            bot = new ChannelAccount(botId),
            members = new[] { new ChannelAccount(userId) },
            isGroup = false,
            tenantId,
            channelData = new TeamsChannelData { Tenant = new IdName(tenantId) },
        };
        var created = await CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", body, "create:" + userId, ct);
        return created?.Id is { Length: > 0 } id ? id
            : throw new ChatDeliveryException("no_conversation_id", permanent: true, "Teams did not return a conversation id for the 1:1 chat.");
    }

    /// <summary>A member's profile (AAD object id, email, UPN) as the Connector knows it.</summary>
    public Task<TeamsMemberProfile?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        CallAsync<TeamsMemberProfile>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}", null, null, ct);

    /// <summary>Asks Microsoft Entra ID for the bot's token even while Teams is paused: whether its credentials work.</summary>
    /// <returns>True when they work, false when refused, null when it could not be asked.</returns>
    public async Task<bool?> CheckCredentialsAsync(CancellationToken ct)
    {
        try
        {
            await PausingAsync(() => tokens.GetTokenAsync(ct));
            if (pauses.Resume(ChatPlatform.Teams)) log.LogInformation("The Teams credentials work again; held posts are being delivered");
            return true;
        }
        catch (ChatDeliveryException e) when (e.NotInstalled)
        {
            return false;
        }
        catch (Exception e) when (e is ChatDeliveryException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Could not check the Teams credentials: {Error}", e.Message);
            return null; // Entra ID unreachable: the first post finds out
        }
    }

    async Task<T?> CallAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, string? paceKey, CancellationToken ct) where T : class
    {
        // While Teams is paused every call would be refused the same way.
        if (pauses.Reason(ChatPlatform.Teams) is { } reason) throw new ChatDeliveryException("teams_paused", permanent: true, reason, notInstalled: true);
        return await PausingAsync(() => SendAsync<T>(method, serviceUrl, path, body, paceKey, ct));
    }

    /// <summary>Credentials refused, whichever call finds out, pause Teams.</summary>
    async Task<T> PausingAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ChatDeliveryException e) when (e.NotInstalled)
        {
            if (pauses.Pause(ChatPlatform.Teams, e.Advice))
                log.LogWarning("Teams refused the bot's credentials ({Error}); nothing is sent to Teams until they work", e.PlatformError);
            throw;
        }
    }

    async Task<T?> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, string? paceKey, CancellationToken ct) where T : class
    {
        var url = new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path);
        var json = body is null ? null : JsonSerializer.Serialize(body, Activity.Json);
        for (var attempt = 1; ; attempt++)
        {
            await limiter.WaitAsync(paceKey, ct);
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");

            HttpResponseMessage response;
            try
            {
                response = await httpFactory.CreateClient(HttpClientName).SendAsync(request, ct);
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                && attempt < retry.MaxAttempts)
            {
                // Never connected, so nothing was posted: trying again is safe.
                await retry.WaitAsync(retry.Backoff(attempt), ct);
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw new ChatDeliveryException("outcome_unknown", permanent: true,
                    "Teams did not answer after the post was sent, so it may or may not have arrived; " +
                    "it was not sent again to avoid a duplicate. Check the conversation.",
                    inner: e);
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                    return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<T>(text, Activity.Json);
                var error = ConnectorError.Parse((int)response.StatusCode, text, RetryAfter(response));
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
                {
                    tokens.Invalidate(); // an expired or revoked token was refused before anything happened
                    continue;
                }
                if (error.IsRetryable && attempt < retry.MaxAttempts)
                {
                    var wait = error.RetryAfter ?? retry.Backoff(attempt);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        BotMetrics.RateLimited(ChatPlatform.Teams);
                        if (paceKey is not null) await limiter.HoldAsync(paceKey, wait, ct);
                    }
                    if (wait > retry.MaxWait) throw error.ToDeliveryException();
                    log.LogInformation("Teams answered {Status} {Code}; retrying in {Wait}", error.Status, error.Code, wait);
                    await retry.WaitAsync(wait, ct);
                    continue;
                }
                throw error.ToDeliveryException();
            }
        }
    }

    static TimeSpan? RetryAfter(HttpResponseMessage r) =>
        r.Headers.RetryAfter?.Delta ?? (r.Headers.RetryAfter?.Date is { } at ? at - DateTimeOffset.UtcNow : null);

    static string Esc(string s) => Uri.EscapeDataString(s);

    sealed record ResourceResponse(string? Id);
}
