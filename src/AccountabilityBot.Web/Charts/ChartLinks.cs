using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AccountabilityBot.Core.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountabilityBot.Web.Charts;

/// <summary>
/// Links to a chart's picture that carry the chart itself: its numbers, compressed and sealed with ASP.NET Data
/// Protection (encrypted and authenticated), with an expiry. The bot keeps nothing per chart, so a link works on
/// every instance and after a restart until it expires, and a changed link is refused rather than drawn.
/// </summary>
public sealed class ChartLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Long enough that last month's reviews still show their picture.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public const string PathPrefix = "/charts/";

    readonly IDataProtector protector = protection.CreateProtector("AccountabilityBot.Charts.JarChart.v1");

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The picture's path on this bot, e.g. for the local channel's page.</summary>
    public string PathFor(JarChartBlock chart) => PathPrefix + Token(chart) + ".png";

    /// <summary>The picture's absolute address under the bot's public base URL.</summary>
    public string UrlFor(Uri publicBase, JarChartBlock chart) => new Uri(publicBase, PathFor(chart).TrimStart('/')).AbsoluteUri;

    public string Token(JarChartBlock chart)
    {
        var ticket = new Ticket(clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds(), chart with { Text = "" });
        var raw = new MemoryStream();
        using (var zip = new BrotliStream(raw, CompressionLevel.Fastest, leaveOpen: true)) JsonSerializer.Serialize(zip, ticket, Json);
        return WebEncoders.Base64UrlEncode(protector.Protect(raw.ToArray()));
    }

    /// <summary>The chart a token carries, or null when it was changed, sealed by another app, or has expired.</summary>
    public JarChartBlock? Read(string token)
    {
        try
        {
            var sealedBytes = WebEncoders.Base64UrlDecode(token);
            using var zip = new BrotliStream(new MemoryStream(protector.Unprotect(sealedBytes)), CompressionMode.Decompress);
            var ticket = JsonSerializer.Deserialize<Ticket>(zip, Json);
            return ticket is null || DateTimeOffset.FromUnixTimeSeconds(ticket.Expires) <= clock.GetUtcNow() ? null : ticket.Chart;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException or InvalidDataException)
        {
            return null;
        }
    }

    sealed record Ticket(long Expires, JarChartBlock Chart);
}
