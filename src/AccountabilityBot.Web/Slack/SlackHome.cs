using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>The App Home tab: what the member owns (the `mine` answer), with a reminder of how to talk to the bot.</summary>
public static class SlackHome
{
    public static ChatMessage Compose(ChatMessage mine) => new([
        .. mine.Blocks,
        new DividerBlock(),
        new ContextBlock("Type `/cx help` in any channel, or write to me in the Messages tab. This page refreshes each time you open it."),
    ]);
}
