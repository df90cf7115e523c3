using System.Reflection;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The CCO's dashboard: server-rendered Razor Pages under /dashboard (Dashboard/Pages), compiled with the bot, each
/// needing a signed-in member (<see cref="DashboardPolicies.Member"/>) unless it says otherwise, and a stylesheet
/// served by the bot itself: no CDN, no inline script or style, so the Content-Security-Policy can forbid them.
/// </summary>
public static class DashboardExtensions
{
    public const string StylesheetPath = "/dashboard/dashboard.css";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Dashboard/Pages";
            options.Conventions.AuthorizeFolder("/", DashboardPolicies.Member);
        });
        builder.Services.AddDashboardAuthentication();
        builder.Services.AddAuthorization(DashboardPolicies.Add);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        var stylesheet = Stylesheet();
        app.MapGet(StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(stylesheet, "text/css; charset=utf-8");
        });
        app.MapRazorPages();
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
