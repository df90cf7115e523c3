using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// Optional webhook signing: <c>X-Signature: v1=HEX(HMAC-SHA256(secret, TIMESTAMP + "." + BODY))</c> with
/// <c>X-Signature-Timestamp: UNIX-SECONDS</c> inside the tolerance window, so a captured request can't be replayed later.
/// </summary>
public static class RequestSignature
{
    public const string SignatureHeader = "X-Signature", TimestampHeader = "X-Signature-Timestamp", Version = "v1=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] message = [.. prefix, .. body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Version + Convert.ToHexStringLower(mac);
    }

    /// <summary>Null when the signature is good; otherwise why not (for the 401).</summary>
    public static string? Check(HttpRequest request, string secret, int toleranceSeconds, DateTimeOffset now, ReadOnlySpan<byte> body)
    {
        if (!long.TryParse(request.Headers[TimestampHeader].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return $"This endpoint needs a signed request: {TimestampHeader} (Unix seconds) and {SignatureHeader}.";
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > toleranceSeconds)
            return $"{TimestampHeader} is more than {toleranceSeconds} seconds from now; sign each request when you send it.";
        var presented = request.Headers[SignatureHeader].FirstOrDefault() ?? "";
        var expected = Sign(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected))
            ? null : $"{SignatureHeader} does not match the body; sign TIMESTAMP.BODY with HMAC-SHA256 and the shared secret.";
    }
}
