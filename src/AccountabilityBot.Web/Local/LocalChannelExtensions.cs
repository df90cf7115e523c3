using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Local;

public static class LocalChannelExtensions
{
    public static WebApplicationBuilder AddLocalChannel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPlatformChatSender, LocalChatSender>();
        builder.Services.AddScoped<LocalTranscript>();
        return builder;
    }
}
