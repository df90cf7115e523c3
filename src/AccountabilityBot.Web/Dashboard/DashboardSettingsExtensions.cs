using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Web.CustomerData;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>The CCO's settings pages (Dashboard/Pages/Settings): their read model and the exports served to them.</summary>
public static class DashboardSettingsExtensions
{
    public const string ExportsPath = "/dashboard/settings/exports";

    /// <summary>The CSV upload, which keeps the API's import limit (Api:MaxImportBytes) rather than the small one for other bodies.</summary>
    public const string ImportPath = "/dashboard/settings/data";

    public static IServiceCollection AddDashboardSettings(this IServiceCollection services) => services.AddScoped<SettingsQuery>();

    /// <summary>The API's exports (the same code, <see cref="ExportsApi"/>) for the signed-in CCO, who has no API key to send.</summary>
    public static WebApplication MapDashboardSettings(this WebApplication app)
    {
        app.MapGet(ExportsPath + "/{name}", ExportsApi.GetAsync).RequireAuthorization(DashboardPolicies.Cco);
        return app;
    }
}
