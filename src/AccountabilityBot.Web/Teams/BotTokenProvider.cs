using System.Text.Json.Serialization;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// The bot's own token for calling the Bot Connector: OAuth client credentials at Teams:TokenEndpoint (the
/// botframework.com tenant, or Teams:TenantId for a single-tenant bot), cached until five minutes before it expires.
/// </summary>
public sealed class BotTokenProvider(IHttpClientFactory httpFactory, TeamsSettings settings, TimeProvider clock)
{
    public const string HttpClientName = "teams-login";
    static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    readonly SemaphoreSlim gate = new(1, 1);
    string? token;
    DateTimeOffset expiresAt;

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (Fresh() is { } cached) return cached;
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again) return again;
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword!,
                ["scope"] = settings.Scope,
            });
            using var response = await httpFactory.CreateClient(HttpClientName).PostAsync(settings.ResolvedTokenEndpoint, form, ct);
            var body = await ReadAsync(response, ct);
            if (!response.IsSuccessStatusCode || body?.AccessToken is not { Length: > 0 } issued)
                throw new ChatDeliveryException(body?.Error ?? $"token_http_{(int)response.StatusCode}", permanent: !IsTransient((int)response.StatusCode),
                    "Microsoft Entra ID refused the bot's credentials. Check Teams:AppId and Teams:AppPassword (client secrets expire), " +
                    "and Teams:TenantId for a single-tenant bot, then restart the bot.", notInstalled: !IsTransient((int)response.StatusCode));
            token = issued;
            expiresAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(60, body.ExpiresIn ?? 3600));
            return issued;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The Connector said 401: the cached token is no good any more.</summary>
    public void Invalidate() => token = null;

    string? Fresh() => token is { } t && clock.GetUtcNow() < expiresAt - RefreshMargin ? t : null;

    static bool IsTransient(int status) => status is 429 or >= 500;

    static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return await response.Content.ReadFromJsonAsync<TokenResponse>(ct); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error);
}
