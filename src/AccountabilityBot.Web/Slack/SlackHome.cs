using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The App Home tab: what the member owns. It is the `mine` answer, run through the dispatcher as the member, so it
/// always matches what they see when they type `/cx mine`.
/// </summary>
public sealed class SlackHome(SlackPeople people, CommandDispatcher dispatcher, SlackWebApi api)
{
    public async Task PublishAsync(string user, string deliveryId, CancellationToken ct)
    {
        var inbound = await people.DescribeAsync(new InboundCommand(ChatPlatform.Slack, user, user, "mine", deliveryId), ct);
        var mine = await dispatcher.HandleAsync(inbound, ct);
        await api.PublishHomeAsync(user, BlockKit.Home(Compose(mine)), ct);
    }

    public static ChatMessage Compose(ChatMessage mine) => new([
        .. mine.Blocks,
        new DividerBlock(),
        new ContextBlock("Type `/cx` in any channel for a menu, `/cx help` for every command, or write to me in the Messages tab. This page refreshes each time you open it."),
    ]);
}
