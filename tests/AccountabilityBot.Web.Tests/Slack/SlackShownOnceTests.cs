using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>A new API key asked for by DM reaches the CCO, and is kept nowhere: not in the inbox, not in the outbox.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackShownOnceTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ApiKeyCreate_ByDm_KeyIsPostedButNotStored()
    {
        var envelope = FakeSlack.Fixture("event_callback_message_im.json"); // from W222, the first member: the CCO
        envelope["event"]!["text"] = "apikey create crm";
        await host.EventAsync(envelope);

        var posted = await Eventually.Async(async () => host.Slack.PostedTo("D111").FirstOrDefault(), what: "the DM reply");
        Assert.Contains(ApiKeySecrets.Prefix, posted);
        var (replies, posts) = await host.App.WithDbAsync(async db =>
            (await db.ReceivedCommands.Select(r => r.ReplyJson).ToListAsync(), await db.OutboundMessages.Select(o => o.MessageJson).ToListAsync()));
        Assert.All(replies.Concat(posts), json => Assert.DoesNotContain(ApiKeySecrets.Prefix, json));
        Assert.Contains(posts, json => json.Contains("shown once", StringComparison.Ordinal));
    }
}
