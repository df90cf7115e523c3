using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

public static class SlackExtensions
{
    /// <summary>The Slack adapter, when Slack:BotToken or Slack:SigningSecret is set. Settings are checked at start-up.</summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SlackSettings>(SlackSettings.SectionName)
            .Validate(s => !s.IsEnabled || s.UsesSocketMode || !string.IsNullOrWhiteSpace(s.SigningSecret),
                "Slack:SigningSecret is empty while Slack is configured, so requests from Slack could not be verified. " +
                "Copy it from the app's Basic Information page, or set Slack:AppToken to use Socket Mode.")
            // Without a bot token /cx still answers inline; only posts, DMs and the Home tab need one.
            .Validate(s => string.IsNullOrWhiteSpace(s.BotToken) || s.BotToken.StartsWith("xoxb-", StringComparison.Ordinal),
                "Slack:BotToken must be the Bot User OAuth Token starting with xoxb- (OAuth & Permissions page).")
            .Validate(s => !s.UsesSocketMode || !string.IsNullOrWhiteSpace(s.BotToken),
                "Slack:BotToken is needed with Socket Mode (Slack:AppToken): the Bot User OAuth Token starting with xoxb-.")
            .Validate(s => !s.UsesSocketMode || s.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken must be an app-level token starting with xapp- with the connections:write scope (Basic Information → App-Level Tokens).")
            .Validate(s => Uri.TryCreate(s.ApiBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.")
;
        if (!SlackSettings.IsEnabledIn(builder.Configuration)) return builder;

        builder.Services.AddSingleton<SlackChannelPacer>();
        builder.Services.AddSingleton<SlackDirectChannels>();
        builder.Services.AddHttpClient<SlackWebApi>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<SlackSettings>>().Value.ApiBase;
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddScoped<IPlatformChatSender, SlackChatSender>();
        builder.Services.AddSingleton<SlackChartFiles>();
        builder.Services.AddSingleton<SlackPeople>();
        builder.Services.AddScoped<SlackProfileUpdates>();
        builder.Services.AddScoped<SlackHome>();
        builder.Services.AddScoped<SlackInbound>();
        builder.Services.AddScoped<SlackEventJob>();
        builder.Services.AddScoped<SlackReplyJob>();
        builder.Services.AddScoped<IFollowUpHandler, SlackFollowUp>();
        builder.Services.AddSingleton<SlackResponseUrls>();
        builder.Services.AddSingleton<SlackCommandRunner>();
        builder.Services.AddSingleton<SlackBotIdentity>();
        builder.Services.AddSingleton<ProfileLookups<SlackUser>>();
        builder.Services.AddSingleton<SlackInstallation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackInstallation>());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[SlackSettings.SectionName + ":" + nameof(SlackSettings.AppToken)]))
        {
            builder.Services.AddSingleton<SlackSocketMode>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackSocketMode>());
        }
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        if (SlackSettings.IsEnabledIn(app.Configuration)) app.MapSlackEndpoints();
        return app;
    }
}
