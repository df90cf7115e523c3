using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>
/// Stands in for the Bot Framework's token service: RSA keys generated per test run, the key set the OpenID metadata
/// points to (with the Bot Framework's "endorsements" member), and tokens as the Bot Connector would send them.
/// </summary>
public sealed class TokenMinter
{
    public const string Issuer = "https://api.botframework.com";
    public const string EndorsedKid = "bf-key-1";
    public const string UnendorsedKid = "bf-key-2";
    public const string RotatedKid = "bf-key-3";

    public RsaSecurityKey Endorsed { get; } = NewKey(EndorsedKid);
    public RsaSecurityKey Unendorsed { get; } = NewKey(UnendorsedKid);
    /// <summary>Published only after <see cref="Rotate"/>: a key the bot has not seen yet.</summary>
    public RsaSecurityKey Rotated { get; } = NewKey(RotatedKid);
    /// <summary>Same key id as the endorsed key, different key pair: a forged signature.</summary>
    public RsaSecurityKey Forged { get; } = NewKey(EndorsedKid);

    public bool Rotate { get; set; }

    public string KeySetJson()
    {
        var keys = new JsonArray(Jwk(Endorsed, "msteams", "skype"), Jwk(Unendorsed, "skype"));
        if (Rotate) keys.Add(Jwk(Rotated, "msteams"));
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>A Bot Connector token for <paramref name="serviceUrl"/>; <paramref name="edit"/> changes claims to make it wrong.</summary>
    public string Mint(DateTimeOffset now, string audience, string? serviceUrl, Action<SecurityTokenDescriptor>? edit = null, SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime.AddMinutes(-1),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddMinutes(59),
            SigningCredentials = new SigningCredentials(key ?? Endorsed, algorithm),
        };
        edit?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token ("alg":"none") carrying otherwise valid claims.</summary>
    public static string Unsigned(DateTimeOffset now, string audience, string serviceUrl)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = EndorsedKid };
        var payload = new JsonObject
        {
            ["iss"] = Issuer, ["aud"] = audience, ["serviceurl"] = serviceUrl,
            ["nbf"] = now.ToUnixTimeSeconds() - 60, ["exp"] = now.ToUnixTimeSeconds() + 3600,
        };
        return $"{B64(header.ToJsonString())}.{B64(payload.ToJsonString())}.";
    }

    public static SymmetricSecurityKey HmacKey() => new(RandomNumberGenerator.GetBytes(32)) { KeyId = EndorsedKid };

    static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));

    static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = JsonSerializer.SerializeToNode(endorsements),
        };
    }
}
