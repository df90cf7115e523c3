using AccountabilityBot.Web.Hosting;
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
        var setting = JobSettings.SectionName + ":" + nameof(JobSettings.DashboardUrl);
        var dashboard = PrivateAddress.Listen(builder, setting, builder.Services.AddOptions<JobSettings>());
        if (dashboard is not null || builder.Environment.IsDevelopment()) builder.Services.AddAntiforgery();
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var options = new DashboardOptions { Authorization = [], DashboardTitle = "AccountabilityBot jobs" };
        if (app.Services.GetRequiredService<IOptions<JobSettings>>().Value.Dashboard is { } dashboard)
            app.UseWhen(http => PrivateAddress.Arrived(http, dashboard), only => only.UseHangfireDashboard(Path, options));
        else if (app.Environment.IsDevelopment())
            app.UseHangfireDashboard(Path, options);
        else
            app.Logger.LogInformation("The job dashboard is off: it has no sign-in. " +
                "Set Jobs:DashboardUrl (e.g. http://127.0.0.1:5099) to serve it on a port of its own.");
        return app;
    }
}
