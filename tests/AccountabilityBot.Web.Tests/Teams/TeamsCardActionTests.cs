using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Teams;

[Collection(ChatHostTests.Name)]
public sealed class TeamsCardActionTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    TeamsHost Host => fixture.Host;
    readonly string conversation = "a:" + Guid.NewGuid().ToString("N");

    JsonObject Execute(JsonObject data, string id)
    {
        var a = TeamsHost.Activity("invoke_adaptive_card_action_execute_personal.json");
        a["id"] = id;
        a["conversation"]!["id"] = conversation;
        a["value"]!["action"]!["data"] = data;
        return a;
    }

    Task<int> ReceivedHereAsync() => Host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync(r => r.ConversationId == conversation));

    /// <summary>Commands run here: a form asked for is kept in the inbox only as the follow-up that posts it.</summary>
    Task<int> RunHereAsync() => Host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync(r => r.ConversationId == conversation && r.ReplyJson != null));

    [Fact]
    public async Task ActionExecute_AnswersWithAnUpdatedCard_InTheInvokeResponse()
    {
        var response = await Host.PostAsync(Execute(new JsonObject { ["command"] = "stop propose \"Cold calls\"" }, "f:1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        var stop = await Host.App.WithDbAsync(db => db.StopItems.OrderBy(s => s.Id).LastAsync(s => s.Title == "Cold calls"));
        Assert.Contains($"S-{stop.Id}", body["value"]!.ToJsonString());
        CardSchema.AssertValid(body["value"]!.AsObject());
        var rido = await Host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId.StartsWith("29:1uMVvhoAyfTqdMsyvHL0")));
        Assert.Equal("Rido", rido.DisplayName);
    }

    [Fact]
    public async Task SameCardSubmittedTwice_OneRecord_SameCardBothTimes()
    {
        var data = new JsonObject { ["command"] = "stop propose \"Surprise invoices\"" };
        var first = await (await Host.PostAsync(Execute(data, "f:1"))).Content.ReadAsStringAsync();
        var second = await (await Host.PostAsync(Execute(data.DeepClone().AsObject(), "f:2"))).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        Assert.Equal(1, await Host.App.WithDbAsync(db => db.StopItems.CountAsync(s => s.Title == "Surprise invoices")));
        Assert.Equal(1, await ReceivedHereAsync());
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit","data":{"command":"help"}}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","data":{"feedback":"no command"}}}""")]
    [InlineData("""{"trigger":"manual"}""")]
    public async Task ActionExecute_WithoutACommand_Is400WithAnErrorBody_NothingRecorded(string value)
    {
        var a = Execute(new JsonObject(), "f:bad");
        a["value"] = JsonNode.Parse(value);
        var response = await Host.PostAsync(a);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(0, await ReceivedHereAsync());
    }

    [Fact]
    public async Task ActionSubmit_WithATypedAnswer_RunsTheFilledCommand_Once()
    {
        JsonObject Submit(string id)
        {
            var a = TeamsHost.Message("", id: id, conversation: conversation);
            a.Remove("text");
            a["replyToId"] = "1767765488332";
            a["value"] = new JsonObject
            {
                ["command"] = "stop propose \"{answer}\"",
                ["answerInput"] = "answer2",
                ["answer2"] = "Charging \"restocking\" fees",
                ["answer1"] = "another input on the card",
            };
            return a;
        }
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(Submit("s-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(Submit("s-2"))).StatusCode);

        Assert.Equal(1, await Host.App.WithDbAsync(db => db.StopItems.CountAsync(s => s.Title == "Charging 'restocking' fees")));
        Assert.Equal("stop propose \"Charging 'restocking' fees\"",
            (await Host.App.WithDbAsync(db => db.ReceivedCommands.SingleAsync(r => r.ConversationId == conversation))).Text);
    }

    [Fact]
    public async Task ResolvedForm_ShownOnRequest_SubmittedOnce_IsOneResolution()
    {
        await Host.PostAsync(TeamsHost.Activity("conversation_update_bot_added_personal.json").Also(a =>
        {
            a["conversation"]!["id"] = conversation;
            a["recipient"]!["id"] = a["membersAdded"]![0]!["id"]!.GetValue<string>();
        }));
        await Host.PostAsync(TeamsHost.Message("form resolved", conversation: conversation));
        var form = await Eventually.Async(() =>
            Task.FromResult(Host.Fake.Posts.FirstOrDefault(p => p.Path.EndsWith(conversation + "/activities", StringComparison.Ordinal))));
        var card = form.Body!["attachments"]![0]!["content"]!.AsObject();
        CardSchema.AssertValid(card);
        Assert.Equal(0, await RunHereAsync()); // showing a form records nothing

        JsonObject Submit(string id) => TeamsHost.Message("", id: id, conversation: conversation).Also(a =>
        {
            a.Remove("text");
            a["replyToId"] = "form-message-1";
            a["value"] = new JsonObject { ["form"] = "resolved", ["what"] = "Re-shipped a lost parcel", ["stage"] = "Delivery", ["cost"] = 18.5 };
        });
        await Host.PostAsync(Submit("r-1"));
        await Host.PostAsync(Submit("r-2"));

        var resolution = await Host.App.WithDbAsync(db => db.Resolutions.Include(r => r.Stage).SingleAsync(r => r.What == "Re-shipped a lost parcel"));
        Assert.Equal((18.5m, "Delivery"), (resolution.Cost, resolution.Stage!.Name));
    }

    [Fact]
    public async Task InstallIntoTeam_StoresTheReference_UninstallStopsPostingThere()
    {
        var install = TeamsHost.Activity("installation_update_add_team.json");
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(install)).StatusCode);
        const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
        var stored = await Host.App.WithDbAsync(db => db.Set<TeamsConversation>().SingleAsync(c => c.ConversationId == Channel));
        Assert.Equal((Channel, "https://smba.trafficmanager.net/amer/", "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"),
            (stored.ConversationId, stored.ServiceUrl, stored.TenantId));
        Assert.Equal(("19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2", "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", true),
            (stored.TeamId, stored.ChannelId, stored.IsActive));

        var uninstall = TeamsHost.Activity("installation_update_add_team.json");
        uninstall["action"] = "remove";
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(uninstall)).StatusCode);
        Assert.False((await Host.App.WithDbAsync(db => db.Set<TeamsConversation>().SingleAsync(c => c.ConversationId == Channel))).IsActive);
    }

    [Theory]
    [InlineData("conversation_update_bot_added_to_team.json", "19:efa9296d959346209fea44151c742e73@thread.skype", "channel")]
    [InlineData("conversation_update_bot_added_personal.json", "***", "personal")]
    public async Task BotAdded_ConversationUpdate_StoresTheReference(string fixture, string conversationId, string type)
    {
        var a = TeamsHost.Activity(fixture);
        // The docs' examples name the bot as recipient; it is among the members added.
        a["recipient"]!["id"] = a["membersAdded"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(a)).StatusCode);
        var stored = await Host.App.WithDbAsync(db => db.Set<TeamsConversation>().SingleAsync(c => c.ConversationId == conversationId));
        Assert.Equal((conversationId, type, true), (stored.ConversationId, stored.ConversationType, stored.IsActive));
    }
}
