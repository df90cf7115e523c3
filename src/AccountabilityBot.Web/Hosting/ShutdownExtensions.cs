using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Hosting;

public static class ShutdownExtensions
{
    /// <summary>
    /// A stop drains within Shutdown:Timeout. The hosted services stop side by side rather than one after another: the
    /// web server then closes its listener at once (a proxy's new connections are refused and go to another instance)
    /// and answers the requests it has while the job server finishes its sends, each with the whole timeout, instead of
    /// the web server waiting, still taking requests, until the jobs are done and then getting what time is left.
    /// </summary>
    public static WebApplicationBuilder AddShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<ShutdownSettings>(ShutdownSettings.SectionName);
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownSettings>>((host, shutdown) =>
        {
            host.ShutdownTimeout = Read(shutdown).Timeout;
            host.ServicesStopConcurrently = true;
        });
        builder.Services.AddOptions<OutboxSettings>().PostConfigure<IOptions<ShutdownSettings>>((outbox, shutdown) => outbox.Drain = Read(shutdown).Drain);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new SendProgressHandler()));
        return builder;
    }

    /// <summary>The settings, or their defaults while they are wrong: the host reads them as it is built, before the
    /// start-up check that reports the problem (<see cref="SettingsCheck"/>) has run.</summary>
    public static ShutdownSettings Read(IOptions<ShutdownSettings> shutdown)
    {
        try
        {
            return shutdown.Value;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return new ShutdownSettings();
        }
    }
}
