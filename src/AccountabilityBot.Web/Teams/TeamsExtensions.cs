using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Teams;

public static class TeamsExtensions
{
    /// <summary>
    /// The Teams adapter, on when Teams:AppId is set. The settings are always validated at start-up, so a half
    /// configured Teams (a password and no app id, or the reverse) stops the bot with a message saying what is missing.
    /// </summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<TeamsSettings>(TeamsSettings.SectionName);
        // One public address serves both: a dashboard people open over https is where Teams can fetch pictures from too.
        var dashboard = new DashboardSettings
        {
            PublicUrl = builder.Configuration[$"{DashboardSettings.SectionName}:{nameof(DashboardSettings.PublicUrl)}"],
        };
        if (dashboard.Public is { Scheme: "https" } site)
            builder.Services.PostConfigure<TeamsSettings>(teams =>
                teams.PublicUrl = string.IsNullOrWhiteSpace(teams.PublicUrl) ? site.ToString() : teams.PublicUrl);
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{TeamsSettings.SectionName}:{nameof(TeamsSettings.AppId)}"])) return builder;

        var services = builder.Services;
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TeamsSettings>>().Value);
        services.AddHttpClient(BotSigningKeys.HttpClientName);
        services.AddHttpClient(BotTokenProvider.HttpClientName);
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp =>
            new BotSigningKeys(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TeamsSettings>(), TimeProvider.System));
        services.AddSingleton<BotTokenValidator>();
        // Token lifetimes and pacing follow the real clock, not the business clock tests move around.
        services.AddSingleton(sp =>
            new BotTokenProvider(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TeamsSettings>(), TimeProvider.System));
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton(_ => new ConnectorRetryPolicy(TimeProvider.System));
        services.AddSingleton<ConnectorClient>();
        services.AddHostedService<TeamsInstallation>();
        services.AddScoped<TeamsReferences>();
        services.AddScoped<TeamsActivityHandler>();
        services.AddSingleton<TeamsPeople>();
        services.AddSingleton<ProfileLookups<TeamsMemberProfile>>();
        services.AddScoped<TeamsReplyJob>();
        services.AddScoped<IFollowUpHandler>(sp => sp.GetRequiredService<TeamsReplyJob>());
        services.AddScoped<TeamsChatSender>();
        services.AddScoped<IPlatformChatSender>(sp => sp.GetRequiredService<TeamsChatSender>());
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        if (app.Services.GetService<TeamsSettings>() is not { Enabled: true } settings) return app;
        app.MapTeamsEndpoint();
        if (settings.PublicBase is null)
            app.Logger.LogWarning("Teams:PublicUrl (or an https Dashboard:PublicUrl) is not set, so Teams cards show the marble jar "
                + "in words only. Set it to the bot's public https address (the one /api/messages is under) to show the picture.");
        return app;
    }
}
