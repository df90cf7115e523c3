using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The App Home tab: what the member owns. It is the `mine` answer, run through the command writer as the member like
/// any other command, so it always matches what they see when they type `/cx mine`.
/// </summary>
public sealed class SlackHome(SlackPeople people, CommandWriter writer, SlackWebApi api)
{
    /// <param name="deliveryId">One per opening of the tab: a retried event publishes the answer it got the first time.</param>
    public async Task PublishAsync(string user, string deliveryId, CancellationToken ct)
    {
        var inbound = await people.DescribeAsync(new InboundCommand(ChatPlatform.Slack, user, user, "mine", deliveryId), ct);
        // Not stored: thrown, so the event's follow-up tries again later.
        var mine = (await writer.RunAsync(inbound)).ThrowIfNotStored();
        if (mine.Kind == OutcomeKind.StillWorking) return; // a racing copy of this opening publishes it
        await api.PublishHomeAsync(user, BlockKit.Home(Compose(mine.Reply)), ct);
    }

    public static ChatMessage Compose(ChatMessage mine) => new([
        .. mine.Blocks,
        new DividerBlock(),
        ReviewComposer.OpenTheDashboard,
        new ContextBlock("Type `/cx` in any channel for a menu, `/cx help` for every command, or write to me in the Messages tab. " +
            "This page refreshes each time you open it."),
    ]);
}
