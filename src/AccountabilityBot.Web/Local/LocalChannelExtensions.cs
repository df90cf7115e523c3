using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.Local;

public static class LocalChannelExtensions
{
    /// <summary>
    /// Local:Enabled, defaulting to on only while no Slack or Teams credentials are configured: the local channel has
    /// no sign-in, so in a real workspace it must be switched on deliberately.
    /// </summary>
    public static bool IsLocalChannelEnabled(this IConfiguration config) =>
        config.IsOn(Switches.LocalChannel, fallback: string.IsNullOrWhiteSpace(config["Slack:BotToken"])
            && string.IsNullOrWhiteSpace(config["Slack:SigningSecret"]) && string.IsNullOrWhiteSpace(config["Teams:AppId"]));

    public static WebApplicationBuilder AddLocalChannel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPlatformChatSender, LocalChatSender>();
        builder.Services.AddScoped<LocalTranscript>();
        return builder;
    }

    public static WebApplication MapLocalChannel(this WebApplication app)
    {
        if (app.Configuration.IsLocalChannelEnabled())
        {
            app.MapLocalChannelApi();
            app.MapGet("/", () => Results.Redirect("/local"));
        }
        else
        {
            app.Logger.LogInformation("The local channel is off because Slack or Teams is configured; set Local:Enabled=true to turn it on.");
        }
        return app;
    }
}
