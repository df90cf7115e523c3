using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Events API deliveries: acknowledged at once, handled by a Hangfire job, each event_id acted on once.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackEventTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    static JsonObject DirectMessage(string text, string eventId = "Ev111")
    {
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["event"]!["text"] = text;
        envelope["event_id"] = eventId;
        return envelope;
    }

    [Fact]
    public async Task MessageIm_WithRetries_RecordsOnceAndRepliesOnceInTheDm()
    {
        host.Slack.Users["W222"] = ("Jo", "jo@acme.example", "Europe/Paris");
        var first = await host.EventAsync(DirectMessage("resolved \"Re-sent the invoice\" cost:0"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await host.EventAsync(DirectMessage("resolved \"Re-sent the invoice\" cost:0"), retryNum: 1);

        var posted = await Eventually.Async(async () => host.Slack.PostedTo("D111") is [var one] ? one : null, what: "the DM reply");
        Assert.Contains("R-1", posted);
        await host.EventAsync(DirectMessage("resolved \"Re-sent the invoice\" cost:0"), retryNum: 2);
        await Task.Delay(600); // give a wrongly enqueued job the chance to run
        Assert.Single(host.Slack.PostedTo("D111"));
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
        var jo = await host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "W222"));
        Assert.Equal(("Jo", "jo@acme.example", "Europe/Paris"), (jo.DisplayName, jo.Email, jo.TimeZone));
    }

    [Fact]
    public async Task MessageIm_FromABot_IsIgnored()
    {
        var envelope = DirectMessage("help", "EvBot");
        envelope["event"]!["bot_id"] = "B1";
        await host.EventAsync(envelope);
        await Task.Delay(600);
        Assert.Empty(host.Slack.Of("chat.postMessage"));
        Assert.Equal(0, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync()));
    }

    [Fact]
    public async Task AppMention_StripsTheBotMentionAndAnswersInTheChannel()
    {
        var envelope = FakeSlack.Fixture("event_callback_app_mention.json");
        var channel = (string)envelope["event"]!["channel"]!;
        host.Slack.BotUserId = "W111"; // this fixture has no authorizations: the bot asks auth.test who it is
        envelope["event"]!["text"] = "<@W111> help commit";
        await host.EventAsync(envelope);
        var posted = await Eventually.Async(async () => host.Slack.PostedTo(channel).FirstOrDefault(), what: "the mention reply");
        Assert.Contains("commit", posted);
        Assert.Equal("help commit", await host.App.WithDbAsync(db => db.ReceivedCommands.Select(r => r.Text).SingleAsync()));
    }

    [Fact]
    public async Task AppHomeOpened_PublishesTheMembersOwnWork()
    {
        await host.CommandAsync("commit Call every lost clinic due:2026-12-11", user: "U12345678");
        await host.EventAsync(FakeSlack.Fixture("event_callback_app_home_opened_home_tab.json"));
        var publish = await Eventually.Async(async () => host.Slack.Of("views.publish").FirstOrDefault(), what: "views.publish");
        Assert.Equal("U12345678", (string?)publish.Args["user_id"]);
        Assert.Equal("home", (string?)publish.Args["view"]!["type"]);
        Assert.Contains("Call every lost clinic", publish.Args["view"]!.ToJsonString());
    }

    [Fact]
    public async Task MemberJoinedChannel_TheBot_PostsAWelcomeOnce()
    {
        var envelope = FakeSlack.Fixture("event_callback_member_joined_channel_bot.json");
        var channel = (string)envelope["event"]!["channel"]!;
        await host.EventAsync(envelope);
        await host.EventAsync(envelope, retryNum: 1);
        var welcome = await Eventually.Async(async () => host.Slack.PostedTo(channel).FirstOrDefault(), what: "the welcome");
        Assert.Contains("channel leadership", welcome);
        await Task.Delay(600);
        Assert.Single(host.Slack.PostedTo(channel));
    }

    [Theory]
    [InlineData("event_callback_tokens_revoked.json")]
    [InlineData("event_callback_app_uninstalled.json")]
    public async Task Revocations_AreAcknowledgedAndPostNothing(string fixture)
    {
        var response = await host.EventAsync(FakeSlack.Fixture(fixture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(host.Slack.Of("chat.postMessage"));
    }
}
