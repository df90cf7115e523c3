using System.Reflection;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The CCO's dashboard: server-rendered Razor Pages under /dashboard (Dashboard/Pages), compiled with the bot, each
/// needing a signed-in member (<see cref="DashboardPolicies.Member"/>) unless it says otherwise, and a stylesheet
/// served by the bot itself: no CDN, no inline script or style, so the Content-Security-Policy can forbid them.
/// Sign-in is only through a one-time link the chat command `dashboard` sends (<see cref="DashboardSignIns"/>).
/// </summary>
public static class DashboardExtensions
{
    public const string StylesheetPath = "/dashboard/dashboard.css";
    const string StatusPage = "/dashboard/status/{0}";
    const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<DashboardSettings>(DashboardSettings.SectionName);
        // The host's "Request starting/finished" lines carry the whole URL, and a sign-in link's URL is its secret: those
        // two lines stay off whatever the configured levels (a rule for the category itself outranks "Microsoft.AspNetCore").
        builder.Logging.AddFilter(RequestLogCategory, level => level >= LogLevel.Warning);
        builder.Services.AddSingleton<IDashboardAddress, DashboardAddress>();
        builder.Services.AddScoped<DashboardSessions>();
        builder.Services.AddScoped<DashboardTidy>();
        builder.Services.AddScoped<DashboardSignIns>();
        builder.Services.AddSingleton<DashboardCommands>();
        builder.Services.AddDashboardSettings();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Dashboard/Pages";
            options.Conventions.AuthorizeFolder("/", DashboardPolicies.Member);
        });
        builder.Services.AddDashboardAuthentication();
        builder.Services.AddAuthorization(DashboardPolicies.Add);
        // One key ring for every instance on the database, kept across restarts: a cookie one wrote, all can read.
        builder.Services.AddDataProtection().SetApplicationName("AccountabilityBot");
        // It warns at start-up that the keys are stored unencrypted: they sit in the database beside the sessions they
        // seal, and a sealed cookie counts only with its live session row, so encrypting them apart would guard nothing.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // Behind a proxy that ends TLS the bot sees plain HTTP; an https public address says the browser used HTTPS, so
        // the cookie is `__Host-` and Secure and HSTS is sent, as if the bot served HTTPS itself.
        if (app.Services.GetRequiredService<IOptions<DashboardSettings>>().Value.Public?.Scheme == Uri.UriSchemeHttps)
            app.UseWhen(http => SecurityHeaders.Covers(http.Request.Path), https => https.Use((http, next) =>
            {
                http.Request.Scheme = Uri.UriSchemeHttps;
                return next(http);
            }));
        app.UseDashboardSecurityHeaders();
        // A page refused (the job dashboard or a CCO page for another role) or missing says so in the dashboard's layout,
        // with its status kept, instead of a bare status; every other path keeps the host's problem bodies. On the app
        // itself, not in a UseWhen branch: only there does the re-execution route again to the page.
        app.UseStatusCodePagesWithReExecute(StatusPage);
        app.Use((http, next) =>
        {
            if (!SecurityHeaders.Covers(http.Request.Path)
                && http.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
            return next(http);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        var stylesheet = Stylesheet();
        app.MapGet(StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(stylesheet, "text/css; charset=utf-8");
        });
        app.MapRazorPages();
        app.MapDashboardSettings();
        return app;
    }

    static byte[] Stylesheet()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AccountabilityBot.Web.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard's stylesheet is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
