using System.Runtime.CompilerServices;
using AccountabilityBot.Core.Common;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// The bot's metrics (<see cref="BotMetrics"/>: commands, posts, outbox lag, rate-limit waits) for Prometheus, at
/// /metrics on an address of its own (Metrics:Url), never on the bot's public one. Off by default: without the setting
/// nothing is collected or served.
/// </summary>
public static class MetricsExtensions
{
    public static WebApplicationBuilder AddMetricsExport(this WebApplicationBuilder builder)
    {
        var settings = builder.Services.AddSettings<MetricsSettings>(MetricsSettings.SectionName);
        var setting = MetricsSettings.SectionName + ":" + nameof(MetricsSettings.Url);
        if (PrivateAddress.Listen(builder, setting, settings) is not null) Export(builder.Services);
        return builder;
    }

    // A method of its own, so a bot without Metrics:Url never loads OpenTelemetry (its idle memory stays as it was).
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Export(IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());

    public static WebApplication MapMetricsExport(this WebApplication app)
    {
        if (PrivateAddress.Parse(app.Services.GetRequiredService<IOptions<MetricsSettings>>().Value.Url) is { } address)
            app.UseWhen(http => PrivateAddress.Arrived(http, address), only => only.UseOpenTelemetryPrometheusScrapingEndpoint());
        return app;
    }
}
