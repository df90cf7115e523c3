using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

[Collection(WebTests.Name)]
public sealed class TeamsMessageTests : IAsyncLifetime
{
    readonly TeamsHost host = new();
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    Task<List<ReceivedCommand>> ReceivedAsync() => host.App.WithDbAsync(db => db.ReceivedCommands.OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task ValidToken_PersonalMessageFixture_IsRecordedAndAnsweredThroughTheConnector()
    {
        var a = TeamsHost.Activity("message_personal_docs.json");
        a["text"] = "help";
        var response = await host.PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var row = Assert.Single(await ReceivedAsync());
        Assert.Equal(("1485983408511", "help"), (row.DeliveryId, row.Text));
        var member = await host.App.WithDbAsync(db => db.Members.SingleAsync());
        Assert.Equal(("Megan Bowen", Role.Cco), (member.DisplayName, member.Role));

        var post = await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault()), what: "the reply posted to the Connector");
        Assert.Equal("/amer/v3/conversations/" + a["conversation"]!["id"]!.GetValue<string>() + "/activities", post.Path);
        Assert.Equal(Activity.AdaptiveCardContentType, post.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", post.Body["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenExpiredWithinSkew_IsAccepted()
    {
        var response = await host.PostAsync(TeamsHost.Message("help"), d =>
        {
            d.NotBefore = host.Now.UtcDateTime.AddHours(-1);
            d.IssuedAt = d.NotBefore;
            d.Expires = host.Now.UtcDateTime.AddMinutes(-4);
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await ReceivedAsync());
    }

    [Fact]
    public async Task RotatedKey_PublishedAfterStartup_IsAcceptedAfterARefresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Message("help"))).StatusCode);
        host.Fake.Keys.Rotate = true;
        var a = TeamsHost.Message("help");
        var response = await host.PostAsync(a, "Bearer " + host.TokenFor(a, key: host.Fake.Keys.Rotated));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await ReceivedAsync()).Count);
    }

    [Fact]
    public async Task SameActivityIdTwice_OneRecord_OneReply()
    {
        var a = TeamsHost.Message("stop propose \"Cold calls\"", id: "1759944781430");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(a)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(a)).StatusCode);

        Assert.Single(await ReceivedAsync());
        Assert.Equal(1, await host.App.WithDbAsync(db => db.StopItems.CountAsync()));
        await Eventually.Async(() => Task.FromResult(host.Fake.Posts.Any() ? "posted" : null));
        var monitor = host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Equal(1, monitor.ScheduledCount()); // the re-sent delivery's reply job, which will find it posted
        Assert.Single(host.Fake.Posts);
    }

    [Fact]
    public async Task ChannelThreadMention_BotMentionStripped_BoundToTheChannelNotTheThread()
    {
        var a = TeamsHost.Activity("message_channel_mention_thread_reply.json");
        a["text"] = "<at>ridotest</at> channel leadership";
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(a)).StatusCode);

        Assert.Equal("channel leadership", Assert.Single(await ReceivedAsync()).Text);
        var binding = await host.App.WithDbAsync(db => db.ChannelBindings.SingleAsync());
        Assert.Equal((ChatPlatform.Teams, "19:6848757105754c8981c67612732d9aa7@thread.tacv2", ChannelPurpose.Leadership),
            (binding.Platform, binding.ConversationId, binding.Purpose));
        var reference = await host.App.WithDbAsync(db => db.Set<TeamsConversation>().SingleAsync());
        Assert.Equal(("19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2", "50612dbb-0237-4969-b378-8d42590f9c00", "channel"),
            (reference.TeamId, reference.TenantId, reference.ConversationType));
        // The reply goes into the thread the command came from.
        var post = await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault()));
        Assert.Contains(";messageid=1759881511856/activities", post.Path);
    }

    [Fact]
    public async Task GroupChatMention_OfAnotherPerson_BecomesAMemberReference()
    {
        var a = TeamsHost.Activity("message_group_chat_mention_sdk_test.json");
        a["text"] = "<at>Teams Bot</at> role <at>Maria Lopez</at> executive";
        a["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Maria Lopez</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:maria-id", ["name"] = "Maria Lopez" },
        });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(a)).StatusCode);

        Assert.Equal("role <@29:maria-id|Maria Lopez> executive", Assert.Single(await ReceivedAsync()).Text);
        var maria = await host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "29:maria-id"));
        Assert.Equal(("Maria Lopez", Role.Executive), (maria.DisplayName, maria.Role));
    }

    [Fact]
    public async Task NewSpeaker_EmailFromTheConnectorsMemberLookup()
    {
        await host.PostAsync(TeamsHost.Message("help", userId: "29:User-One-Id", name: "User One"));
        var member = await host.App.WithDbAsync(db => db.Members.SingleAsync());
        Assert.Equal("User.One@microsoft.com", member.Email);
        Assert.Single(host.Fake.Calls, c => c.Method == "GET" && c.Path.EndsWith("/members/29:User-One-Id", StringComparison.Ordinal));

        await host.PostAsync(TeamsHost.Message("mine", userId: "29:User-One-Id", name: "User One"));
        Assert.Single(host.Fake.Calls, c => c.Method == "GET"); // known members are not looked up again
    }

    [Fact]
    public async Task LocalTimezone_BecomesTheNewMembersZone()
    {
        var a = TeamsHost.Message("help");
        a["localTimezone"] = "America/Los_Angeles";
        await host.PostAsync(a);
        Assert.Equal("America/Los_Angeles", (await host.App.WithDbAsync(db => db.Members.SingleAsync())).TimeZone);
    }
}
