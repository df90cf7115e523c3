using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Charts;

public static class ChartExtensions
{
    /// <summary>The chart pictures: drawn here, at the edge, from the numbers a neutral message carries.</summary>
    public static WebApplicationBuilder AddCharts(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<ChartLinks>();
        return builder;
    }

    /// <summary>
    /// <c>GET /charts/{token}.png</c>: the picture a signed link carries, for Teams cards and the local page. Teams
    /// fetches it without signing in, so the link itself is the permission; a changed or expired link is a 404.
    /// </summary>
    public static WebApplication MapCharts(this WebApplication app)
    {
        app.MapGet(ChartLinks.PathPrefix + "{file}", (string file, ChartLinks links, HttpResponse response) =>
        {
            if (!file.EndsWith(".png", StringComparison.Ordinal) || links.Read(file[..^4]) is not JarChartBlock chart) return Results.NotFound();
            response.Headers.CacheControl = "private, max-age=86400";
            response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(JarChartRenderer.Render(chart), "image/png");
        }).ExcludeFromDescription();
        return app;
    }
}
