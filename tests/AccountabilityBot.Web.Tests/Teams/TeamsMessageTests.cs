using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>One host for the class, with "rido" (the channel fixture's sender) as the CCO; each test has its own conversation.</summary>
public sealed class TeamsMessageFixture : TeamsHostFixture
{
    public const string Rido = "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2-NSkNb7AyGYpjQ7Xw-XgTwaHW5JxZ4KMNDxn1kcL8fwX1Nw";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bot:InitialCco"] = Rido };
}

[Collection(ChatHostTests.Name)]
public sealed class TeamsMessageTests(TeamsMessageFixture fixture) : IClassFixture<TeamsMessageFixture>
{
    TeamsHost Host => fixture.Host;
    readonly string conversation = "a:" + Guid.NewGuid().ToString("N");

    Task<List<ReceivedCommand>> ReceivedAsync(string? conversationId = null) => Host.App.WithDbAsync(db =>
        db.ReceivedCommands.Where(r => r.ConversationId == (conversationId ?? conversation)).OrderBy(r => r.Id).ToListAsync());

    Task<ConnectorCall> PostedToAsync(string conversationId) => Eventually.Async(() =>
        Task.FromResult(Host.Fake.Posts.FirstOrDefault(p => p.Path.EndsWith($"/v3/conversations/{conversationId}/activities", StringComparison.Ordinal))),
        what: "the reply posted to the Connector");

    [Fact]
    public async Task ValidToken_PersonalMessageFixture_IsRecordedAndAnsweredThroughTheConnector()
    {
        var a = TeamsHost.Activity("message_personal_docs.json");
        a["text"] = "help";
        var id = a["conversation"]!["id"]!.GetValue<string>();
        var response = await Host.PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var row = Assert.Single(await ReceivedAsync(id));
        Assert.Equal(("1485983408511", "help"), (row.DeliveryId, row.Text));
        var member = await Host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == row.UserId));
        Assert.Equal(("Megan Bowen", ChatPlatform.Teams), (member.DisplayName, member.Platform));

        var post = await PostedToAsync(id);
        Assert.StartsWith("/amer/", post.Path);
        Assert.Equal(Activity.AdaptiveCardContentType, post.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", post.Body["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenExpiredWithinSkew_IsAccepted()
    {
        var response = await Host.PostAsync(TeamsHost.Message("help", conversation: conversation), d =>
        {
            d.NotBefore = Host.Now.UtcDateTime.AddHours(-1);
            d.IssuedAt = d.NotBefore;
            d.Expires = Host.Now.UtcDateTime.AddMinutes(-4);
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await ReceivedAsync());
    }

    [Fact]
    public async Task RotatedKey_PublishedAfterStartup_IsAcceptedAfterARefresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(TeamsHost.Message("help", conversation: conversation))).StatusCode);
        Host.Fake.Keys.Rotate = true;
        var a = TeamsHost.Message("help", conversation: conversation);
        var response = await Host.PostAsync(a, "Bearer " + Host.TokenFor(a, key: Host.Fake.Keys.Rotated));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await ReceivedAsync()).Count);
    }

    [Fact]
    public async Task ApiKeyCreate_KeyIsPostedToTheCco_ButStoredNowhere()
    {
        var a = TeamsHost.Message("apikey create teams-crm", userId: TeamsMessageFixture.Rido, name: "Rido", conversation: conversation);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);

        var post = await PostedToAsync(conversation);
        Assert.Matches(@"abk\\*_[0-9a-f]{16}", post.Body!.ToJsonString()); // the card escapes markdown's underscores
        var reply = Assert.Single(await ReceivedAsync()).ReplyJson;
        var stored = await Host.App.WithDbAsync(db =>
            db.OutboundMessages.Where(o => o.ConversationId == conversation).Select(o => o.MessageJson).SingleAsync());
        Assert.DoesNotContain("abk_", reply);
        Assert.DoesNotContain("abk_", stored);
    }

    [Fact]
    public async Task SameActivityIdTwice_OneRecord_OneReply()
    {
        var id = "dup-" + Guid.NewGuid().ToString("N");
        var a = TeamsHost.Message("stop propose \"Cold calls twice\"", id: id, conversation: conversation);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);

        var row = Assert.Single(await ReceivedAsync());
        Assert.Equal(1, await Host.App.WithDbAsync(db => db.StopItems.CountAsync(s => s.Title == "Cold calls twice")));
        await PostedToAsync(conversation);
        // The re-sent delivery's follow-up waits, then finds the reply posted; nothing was posted twice meanwhile.
        var monitor = Host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Contains(monitor.ScheduledJobs(0, 100), j => j.Value.Job.Args.Contains(row.Id));
        Assert.Single(Host.Fake.Posts, p => p.Path.Contains(conversation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChannelThreadMention_BotMentionStripped_BoundToTheChannelNotTheThread()
    {
        var a = TeamsHost.Activity("message_channel_mention_thread_reply.json");
        a["text"] = "<at>ridotest</at> channel leadership";
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);

        const string Channel = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
        Assert.Equal("channel leadership", Assert.Single(await ReceivedAsync(Channel)).Text);
        var binding = await Host.App.WithDbAsync(db => db.ChannelBindings.SingleAsync(b => b.ConversationId.StartsWith("19:6848757105754c8981c67612732d9aa7")));
        Assert.Equal((ChatPlatform.Teams, Channel, ChannelPurpose.Leadership), (binding.Platform, binding.ConversationId, binding.Purpose));
        var reference = await Host.App.WithDbAsync(db => db.Set<TeamsConversation>().SingleAsync(c => c.ConversationId == Channel));
        Assert.Equal(("19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2", "50612dbb-0237-4969-b378-8d42590f9c00", "channel"),
            (reference.TeamId, reference.TenantId, reference.ConversationType));
        // The reply goes into the thread the command came from.
        await PostedToAsync(Channel + ";messageid=1759881511856");
    }

    [Fact]
    public async Task GroupChatMention_OfAnotherPerson_BecomesAMemberReference()
    {
        var a = TeamsHost.Activity("message_group_chat_mention_sdk_test.json");
        a["from"] = new JsonObject { ["id"] = TeamsMessageFixture.Rido, ["name"] = "rido" };
        a["text"] = "<at>Teams Bot</at> role <at>Maria Lopez</at> executive";
        a["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Maria Lopez</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:maria-id", ["name"] = "Maria Lopez" },
        });
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);

        Assert.Equal("role <@29:maria-id|Maria Lopez> executive", Assert.Single(await ReceivedAsync("19:groupChatId@thread.v2")).Text);
        var maria = await Host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "29:maria-id"));
        Assert.Equal(("Maria Lopez", Role.Executive), (maria.DisplayName, maria.Role));
    }

    [Fact]
    public async Task NewSpeaker_EmailFromTheConnectorsMemberLookup()
    {
        static bool LookupOfUserOne(ConnectorCall c) => c.Method == "GET" && c.Path.EndsWith("/members/29:User-One-Id", StringComparison.Ordinal);
        await Host.PostAsync(TeamsHost.Message("help", userId: "29:User-One-Id", name: "User One", conversation: conversation));
        var member = await Host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "29:User-One-Id"));
        Assert.Equal("User.One@microsoft.com", member.Email);
        Assert.Single(Host.Fake.Calls, LookupOfUserOne);

        await Host.PostAsync(TeamsHost.Message("mine", userId: "29:User-One-Id", name: "User One", conversation: conversation));
        Assert.Single(Host.Fake.Calls, LookupOfUserOne); // known members are not looked up again
    }

    [Fact]
    public async Task LocalTimezone_BecomesTheNewMembersZone()
    {
        var a = TeamsHost.Message("help", userId: "29:zoned", conversation: conversation);
        a["localTimezone"] = "America/Los_Angeles";
        await Host.PostAsync(a);
        Assert.Equal("America/Los_Angeles", (await Host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "29:zoned"))).TimeZone);
    }

    [Fact]
    public async Task RefusedMessage_IsAnsweredThroughItsFollowUp_AndTheRowKeepsWhy()
    {
        var a = TeamsHost.Message("commit Fix it due:2026-02-30", conversation: conversation);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);

        var post = await PostedToAsync(conversation);
        Assert.Contains("⚠️", (string?)post.Body!["summary"]);
        var row = await Eventually.Async(async () => (await ReceivedAsync()) is [{ FollowUp: null } done] ? done : null, what: "the follow-up finished");
        Assert.NotNull(row.Refusal);
    }

    [Fact]
    public async Task FormRequest_PostsTheFormThroughAFollowUp_ThatThenFinishes()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(TeamsHost.Message("form decide", conversation: conversation))).StatusCode);

        await PostedToAsync(conversation);
        var row = await Eventually.Async(async () => (await ReceivedAsync()) is [{ FollowUp: null } done] ? done : null, what: "the follow-up finished");
        Assert.Null(row.ReplyJson); // showing a form ran no command
    }
}
