using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// The Bot Framework's OpenID metadata and key set, cached for 12 hours (the docs ask for at least daily) and fetched
/// again when a token names a key we do not have. The library's ConfigurationManager refreshes in the background and
/// answers with the stale keys meanwhile, which would reject the first token signed by a newly rolled key; this
/// waits for the new set instead. Forced refreshes are at most one a minute, so forged key ids cannot hammer Microsoft.
/// </summary>
public sealed class BotSigningKeys(IHttpClientFactory httpFactory, TeamsSettings settings, TimeProvider clock)
{
    public const string HttpClientName = "teams-openid";
    static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);
    static readonly TimeSpan MinForcedInterval = TimeSpan.FromMinutes(1);
    readonly SemaphoreSlim gate = new(1, 1);
    OpenIdConnectConfiguration? current;
    DateTimeOffset fetchedAt;
    DateTimeOffset forcedAt = DateTimeOffset.MinValue;

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken ct) =>
        current is { } c && clock.GetUtcNow() - fetchedAt < MaxAge ? Task.FromResult(c) : FetchAsync(force: false, ct);

    /// <summary>The key set again, unless a forced refresh already happened in the last minute.</summary>
    public Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken ct) => FetchAsync(force: true, ct);

    async Task<OpenIdConnectConfiguration> FetchAsync(bool force, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (current is { } c && (force ? now - forcedAt < MinForcedInterval : now - fetchedAt < MaxAge)) return c;
            if (force) forcedAt = now;
            var retriever = new HttpDocumentRetriever(httpFactory.CreateClient(HttpClientName)) { RequireHttps = true };
            try
            {
                current = await OpenIdConnectConfigurationRetriever.GetAsync(settings.OpenIdMetadataUrl, retriever, ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or ArgumentException)
            {
                throw new InvalidOperationException("The Bot Framework OpenID metadata could not be read from " + settings.OpenIdMetadataUrl, e);
            }
            fetchedAt = clock.GetUtcNow();
            return current;
        }
        finally
        {
            gate.Release();
        }
    }
}
