using Hangfire;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// The Hangfire dashboard has no sign-in, shows job arguments and can trigger or delete jobs. Who may open it is never
/// decided by the caller's address: behind a reverse proxy on the same host every request comes from this machine.
/// It is served only on an address of its own (Jobs:DashboardUrl), told apart by the local port a request arrived on,
/// which a proxy forwarding to the bot's port cannot change (a Host header it can); in Development, on the bot's own.
/// </summary>
public static class JobsDashboard
{
    const string Path = "/hangfire";

    /// <summary>Listens on Jobs:DashboardUrl next to the bot's own addresses; with it on, its buttons need an antiforgery token.</summary>
    public static void AddJobsDashboard(this WebApplicationBuilder builder)
    {
        var dashboard = JobSettings.DashboardAddress(builder.Configuration[JobSettings.SectionName + ":" + nameof(JobSettings.DashboardUrl)]);
        if (dashboard is not null || builder.Environment.IsDevelopment()) builder.Services.AddAntiforgery();
        if (dashboard is null) return;
        var own = BotUrls(builder.Configuration).ToList();
        var shared = own.Any(url => PortOf(url) == dashboard.Port);
        builder.Services.AddOptions<JobSettings>().Validate(_ => !shared,
            "Jobs:DashboardUrl must use a port of its own, not one the bot answers on (urls): the dashboard would be reachable through the proxy.");
        // Endpoints in the Kestrel section replace the URLs; there the dashboard's address is listed like any other.
        if (!builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls([.. own, dashboard.GetLeftPart(UriPartial.Authority)]);
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var options = new DashboardOptions { Authorization = [], DashboardTitle = "AccountabilityBot jobs" };
        if (app.Services.GetRequiredService<IOptions<JobSettings>>().Value.Dashboard is { } dashboard)
            app.UseWhen(http => http.Connection.LocalPort == dashboard.Port, only => only.UseHangfireDashboard(Path, options));
        else if (app.Environment.IsDevelopment())
            app.UseHangfireDashboard(Path, options);
        else
            app.Logger.LogInformation("The job dashboard is off: it has no sign-in. " +
                "Set Jobs:DashboardUrl (e.g. http://127.0.0.1:5099) to serve it on a port of its own.");
        return app;
    }

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
