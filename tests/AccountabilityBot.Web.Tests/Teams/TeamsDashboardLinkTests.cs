using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>
/// A sign-in link (or a new API key) is for the one who asked: Teams posts the answer where the command was typed, so
/// in a channel or group chat (conversation.conversationType) it is refused, with where to ask instead.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsDashboardLinkTests(TeamsMessageFixture fixture) : IClassFixture<TeamsMessageFixture>
{
    TeamsHost Host => fixture.Host;

    [Fact]
    public async Task Dashboard_InAChannel_IsRefused_WithTheWayToTheOneToOneChat_AndNoLinkIsMade()
    {
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.skype";
        var before = await LinksAsync();
        await Host.PostAsync(TeamsHost.InChannel(channel, Guid.NewGuid().ToString("N"), TeamsMessageFixture.Rido, "Rido", "dashboard"));

        var row = await Host.App.WithDbAsync(db => db.ReceivedCommands.SingleAsync(r => r.ConversationId == channel));
        Assert.Contains("1:1 chat", row.Refusal);
        Assert.Equal(before, await LinksAsync());
        var post = await Eventually.Async(() => Task.FromResult(Host.Fake.Posts.FirstOrDefault(p => p.Path.Contains(channel, StringComparison.Ordinal))),
            what: "the refusal posted in the channel");
        Assert.Contains("1:1 chat", post.Body!.ToJsonString());
        Assert.DoesNotContain("sign-in?token=", post.Body.ToJsonString());

        var key = TeamsHost.InChannel(channel, Guid.NewGuid().ToString("N"), TeamsMessageFixture.Rido, "Rido", "apikey create crm");
        await Host.PostAsync(key);
        Assert.Equal(0, await Host.App.WithDbAsync(db => db.Set<Core.ApiKeys.ApiKey>().CountAsync(k => k.Name == "crm")));
    }

    [Fact]
    public async Task Dashboard_InAGroupChat_IsRefused_AndInTheOneToOneChat_SendsTheLink()
    {
        var group = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var before = await LinksAsync();
        var inGroup = TeamsHost.Message("dashboard", conversation: group);
        inGroup["conversation"]!["conversationType"] = "groupChat";
        await Host.PostAsync(inGroup);
        var refused = await Host.App.WithDbAsync(db => db.ReceivedCommands.SingleAsync(r => r.ConversationId == group));
        Assert.Contains("everyone in this conversation would see it", refused.Refusal);
        Assert.Equal(before, await LinksAsync());

        var personal = "a:" + Guid.NewGuid().ToString("N");
        await Host.PostAsync(TeamsHost.Message("dashboard", conversation: personal));
        var answered = await Host.App.WithDbAsync(db => db.ReceivedCommands.SingleAsync(r => r.ConversationId == personal));
        Assert.Null(answered.Refusal);
        Assert.Equal(before + 1, await LinksAsync());
    }

    Task<int> LinksAsync() => Host.App.WithDbAsync(db => db.Set<DashboardSignIn>().CountAsync());
}
