using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

public static class SlackExtensions
{
    /// <summary>The Slack adapter, when Slack:BotToken or Slack:SigningSecret is set. Settings are checked at start-up.</summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlackSettings>().BindConfiguration(SlackSettings.SectionName)
            .ValidateDataAnnotations()
            .Validate(s => !s.IsEnabled || s.UsesSocketMode || !string.IsNullOrWhiteSpace(s.SigningSecret),
                "Slack is configured but Slack:SigningSecret is empty, so requests from Slack could not be verified. Copy it from the app's Basic Information page, or set Slack:AppToken to use Socket Mode.")
            // Without a bot token /cx still answers inline; only posts, DMs and the Home tab need one.
            .Validate(s => string.IsNullOrWhiteSpace(s.BotToken) || s.BotToken.StartsWith("xoxb-", StringComparison.Ordinal),
                "Slack:BotToken must be the Bot User OAuth Token starting with xoxb- (OAuth & Permissions page).")
            .Validate(s => !s.UsesSocketMode || !string.IsNullOrWhiteSpace(s.BotToken),
                "Socket Mode (Slack:AppToken) also needs Slack:BotToken, the Bot User OAuth Token starting with xoxb-.")
            .Validate(s => !s.UsesSocketMode || s.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken must be an app-level token starting with xapp- with the connections:write scope (Basic Information → App-Level Tokens).")
            .Validate(s => Uri.TryCreate(s.ApiBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.")
            .ValidateOnStart();
        if (!SlackSettings.IsEnabledIn(builder.Configuration)) return builder;

        builder.Services.AddSingleton<SlackChannelPacer>();
        builder.Services.AddSingleton<SlackDirectChannels>();
        builder.Services.AddHttpClient<SlackWebApi>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<SlackSettings>>().Value.ApiBase;
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddScoped<IPlatformChatSender, SlackChatSender>();
        builder.Services.AddScoped<SlackPeople>();
        builder.Services.AddScoped<SlackHome>();
        builder.Services.AddScoped<SlackInbound>();
        builder.Services.AddScoped<SlackEventJob>();
        builder.Services.AddScoped<SlackReplyJob>();
        builder.Services.AddScoped<IFollowUpHandler, SlackFollowUp>();
        builder.Services.AddSingleton<SlackResponseUrls>();
        builder.Services.AddSingleton<SlackCommandRunner>();
        builder.Services.AddSingleton<SlackBotIdentity>();
        builder.Services.AddSingleton<SlackProfilesSeen>();
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
