using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// An address of its own for something that must never be public (the job dashboard, the metrics), such as
/// http://127.0.0.1:5099: the bot listens on it beside its own addresses, and a request is told apart by the local port
/// it arrived on, which a reverse proxy forwarding to the bot's port cannot change (a Host header it can).
/// </summary>
public static class PrivateAddress
{
    /// <summary>The address in <paramref name="url"/>, or null when it is not an http(s) address with an explicit port.</summary>
    public static Uri? Parse(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !uri.IsDefaultPort ? uri : null;

    /// <summary>
    /// Listens on the address of <paramref name="setting"/> too, once however many features share it; the start-up
    /// check of <paramref name="settings"/> refuses a port the bot already answers on, which the proxy would reach.
    /// </summary>
    public static Uri? Listen<T>(WebApplicationBuilder builder, string setting, OptionsBuilder<T> settings) where T : class
    {
        if (Parse(builder.Configuration[setting]) is not { } address) return null;
        var own = BotUrls(builder.Configuration).ToList();
        var shared = own.Any(url => PortOf(url) == address.Port);
        settings.Validate(_ => !shared,
            $"{setting} must use a port of its own, not one the bot answers on (urls): it would be reachable through the proxy.");
        // Endpoints in the Kestrel section replace the URLs; there the private address is listed like any other.
        if (!builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            var extra = address.GetLeftPart(UriPartial.Authority);
            // Another private feature may have added its address already: keep it, and add this one once.
            var listening = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } set ? set.Split(';').ToList() : own;
            if (!listening.Contains(extra, StringComparer.OrdinalIgnoreCase)) builder.WebHost.UseUrls([.. listening, extra]);
        }
        return address;
    }

    /// <summary>Whether the request came in on <paramref name="address"/>'s port.</summary>
    public static bool Arrived(HttpContext http, Uri address) => http.Connection.LocalPort == address.Port;

    /// <summary>The bot's own addresses: urls, else http_ports/https_ports, else Kestrel's default.</summary>
    static IEnumerable<string> BotUrls(IConfiguration config)
    {
        if (config["urls"] is { Length: > 0 } urls) return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = Ports(config["http_ports"], "http").Concat(Ports(config["https_ports"], "https")).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    static int? PortOf(string url)
    {
        try
        {
            return BindingAddress.Parse(url).Port;
        }
        catch (FormatException)
        {
            return null; // Kestrel says what is wrong with it when it binds
        }
    }

    static IEnumerable<string> Ports(string? ports, string scheme) =>
        (ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}");
}
