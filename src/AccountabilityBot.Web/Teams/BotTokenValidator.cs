using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AccountabilityBot.Web.Teams;

/// <summary>The outcome of checking a Bot Connector request: 200-able, 401 or 403, with a reason for the log only.</summary>
public sealed record BotAuthResult(int StatusCode, string Reason, JsonWebToken? Token = null, IReadOnlyList<string>? Endorsements = null)
{
    public bool Succeeded => StatusCode == StatusCodes.Status200OK;
    public static BotAuthResult Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason);
}

/// <summary>
/// Every check of "Bot Connector to bot" authentication (Bot Framework REST docs, "Verify the JWT token"): Bearer
/// scheme, RS256/384/512 only, a signature by a key from the OpenID metadata's key set (cached; refreshed every
/// 12 h and once more on an unknown key id), issuer, audience = our app id,
/// lifetime with 5 minutes of skew; then, against the activity, the serviceurl claim and the key's endorsement for
/// msteams. There is deliberately no switch that turns any of this off.
/// </summary>
public sealed class BotTokenValidator(TeamsSettings settings, BotSigningKeys metadata, TimeProvider clock, ILogger<BotTokenValidator> log)
{
    public const string TeamsChannel = "msteams";
    static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>Checks the token alone (before the body is trusted enough to read).</summary>
    public async Task<BotAuthResult> AuthenticateAsync(string? authorization, CancellationToken ct)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Scheme, StringComparison.Ordinal))
            return BotAuthResult.Unauthorized("No Bearer token");
        var raw = authorization[Scheme.Length..].Trim();
        // Cheap checks first, so junk and foreign tokens never cost a trip for the signing keys.
        if (!handler.CanReadToken(raw) || Read(raw) is not { } unverified) return BotAuthResult.Unauthorized("Malformed token");
        if (!string.Equals(unverified.Issuer, settings.Issuer, StringComparison.Ordinal)) return BotAuthResult.Unauthorized("Wrong issuer");

        var config = await metadata.GetAsync(ct);
        var result = await handler.ValidateTokenAsync(raw, Parameters(config));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: fetch the key set again once, then judge.
            config = await metadata.RefreshAsync(ct);
            result = await handler.ValidateTokenAsync(raw, Parameters(config));
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
            return BotAuthResult.Unauthorized(result.Exception?.GetType().Name ?? "Invalid token");
        return new BotAuthResult(StatusCodes.Status200OK, "ok", token, EndorsementsOf(config, token));
    }

    JsonWebToken? Read(string raw)
    {
        try { return handler.ReadJsonWebToken(raw); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Checks that the authenticated token speaks for this activity.</summary>
    public static BotAuthResult CheckActivity(BotAuthResult auth, Activity activity)
    {
        if (!auth.Succeeded || auth.Token is null) return auth;
        if (!string.Equals(activity.ChannelId, TeamsChannel, StringComparison.Ordinal))
            return BotAuthResult.Unauthorized($"Channel '{activity.ChannelId}' is not msteams");
        if (!auth.Token.TryGetPayloadValue<string>("serviceurl", out var claimed) || string.IsNullOrEmpty(claimed))
            return BotAuthResult.Unauthorized("Missing serviceurl claim");
        if (!string.Equals(Normalize(claimed), Normalize(activity.ServiceUrl), StringComparison.OrdinalIgnoreCase))
            return BotAuthResult.Unauthorized("serviceurl claim mismatch");
        if (auth.Endorsements is not { } endorsements || !endorsements.Contains(TeamsChannel, StringComparer.Ordinal))
            return new BotAuthResult(StatusCodes.Status403Forbidden, "Signing key not endorsed for msteams");
        return auth;
    }

    TokenValidationParameters Parameters(OpenIdConnectConfiguration config) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.AppId,
        ValidAlgorithms = Algorithms,
        IssuerSigningKeys = config.SigningKeys,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        TryAllIssuerSigningKeys = false,
        ClockSkew = Skew,
        LifetimeValidator = (notBefore, expires, _, _) => InLifetime(notBefore, expires),
    };

    /// <summary>The lifetime check on the host's clock (so tests can move time), with the Bot Framework's 5 minutes of skew.</summary>
    bool InLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() > now - Skew && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + Skew);
    }

    /// <summary>
    /// The key set's extra "endorsements" member (channels a key may sign for) is not part of standard OpenID parsing;
    /// the key parser keeps unknown members in AdditionalData.
    /// </summary>
    IReadOnlyList<string> EndorsementsOf(OpenIdConnectConfiguration config, JsonWebToken token)
    {
        var kid = token.Kid;
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value)) return [];
        var list = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e =>
                e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            IEnumerable<object> items => items.Select(i => i?.ToString() ?? "").ToList(),
            _ => [],
        };
        if (list.Count == 0) log.LogDebug("Key {Kid} carries no endorsements", kid);
        return list;
    }

    static string Normalize(string? url) => (url ?? "").Trim().TrimEnd('/');
}
