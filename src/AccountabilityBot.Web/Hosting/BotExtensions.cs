using AccountabilityBot.Core;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Hosting;

public static class BotExtensions
{
    /// <summary>Product settings, the clock and the platform-neutral core.</summary>
    public static WebApplicationBuilder AddBotCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<BotSettings>(BotSettings.SectionName)
            .Validate(s => Clock.FindZone(s.DefaultTimeZone) is not null,
                "Bot:DefaultTimeZone must be an IANA time zone such as America/New_York or Europe/London.")
;
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<BotSettings>>().Value);
        builder.Services.AddSettings<OutboxSettings>(OutboxSettings.SectionName);
        builder.Services.AddSettings<InboxSettings>(InboxSettings.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        // The HTTP client factory's request logging writes every URI at Information, and a URI can be a credential
        // (Slack's response_url: its path lets anyone post into that conversation). The adapters log what went wrong
        // in their own words, without links or tokens.
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        builder.Services.AddAccountabilityCore();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxSettings>>().Value);
        builder.Services.AddHostedService<PlatformPauseWatcher>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<InboxSettings>>().Value);
        return builder;
    }
}
