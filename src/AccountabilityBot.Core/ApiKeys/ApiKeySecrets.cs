using System.Security.Cryptography;
using System.Text;

namespace AccountabilityBot.Core.ApiKeys;

/// <summary>Makes and checks keys of the form <c>abk_LOOKUP_SECRET</c>.</summary>
public static class ApiKeySecrets
{
    public const string Prefix = "abk_";

    public static (string Key, string LookupId, byte[] Hash) Create()
    {
        var lookup = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{lookup}_{secret}", lookup, Hash(secret));
    }

    /// <summary>Splits a presented key; false for anything not shaped like one of ours.</summary>
    public static bool TrySplit(string? key, out string lookupId, out string secret)
    {
        lookupId = secret = "";
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = key[Prefix.Length..];
        var underscore = rest.IndexOf('_');
        if (underscore <= 0 || underscore == rest.Length - 1) return false;
        (lookupId, secret) = (rest[..underscore], rest[(underscore + 1)..]);
        return true;
    }

    /// <summary>Constant-time: how long the comparison takes says nothing about how much of the secret was right.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
