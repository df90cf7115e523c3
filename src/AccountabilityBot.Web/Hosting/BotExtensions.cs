using AccountabilityBot.Core;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Hosting;

public static class BotExtensions
{
    /// <summary>Product settings, the clock and the platform-neutral core.</summary>
    public static WebApplicationBuilder AddBotCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotSettings>().BindConfiguration(BotSettings.SectionName)
            .ValidateDataAnnotations()
            .Validate(s => Clock.FindZone(s.DefaultTimeZone) is not null,
                "Bot:DefaultTimeZone must be an IANA time zone such as America/New_York or Europe/London.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<BotSettings>>().Value);
        builder.Services.AddOptions<OutboxSettings>().BindConfiguration(OutboxSettings.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAccountabilityCore();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxSettings>>().Value);
        return builder;
    }
}
