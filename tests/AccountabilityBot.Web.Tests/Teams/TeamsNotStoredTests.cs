using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>
/// A Teams message that cannot be stored (here: the inbox table is gone) is answered "nothing was recorded" straight
/// through the Connector, or on the clicked card, instead of a silent 500.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsNotStoredTests : IAsyncLifetime
{
    readonly TeamsHost host = new();
    const string Conversation = "a:chat-not-stored";

    public async Task InitializeAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Message("help", conversation: Conversation))).StatusCode);
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReceivedCommands\""));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Message_ThatCannotBeStored_IsAnsweredNothingWasRecorded_ThroughTheConnector()
    {
        var response = await host.PostAsync(TeamsHost.Message("resolved \"Refund sent\" cost:0", conversation: Conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault(p =>
            p.Path.EndsWith($"/v3/conversations/{Conversation}/activities", StringComparison.Ordinal)
            && p.Body!.ToJsonString().Contains("nothing was recorded"))), what: "the notice posted to the Connector");
        CardSchema.AssertValid(notice.Body!["attachments"]![0]!["content"]!.AsObject());
        Assert.Equal(0, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }

    [Fact]
    public async Task Message_ThatCannotBeStored_WithTheConnectorUnreachableToo_Is503()
    {
        host.Fake.Fault = request => request.Method == HttpMethod.Post ? new HttpRequestException("connection refused") : null;

        var response = await host.PostAsync(TeamsHost.Message("resolved \"Refund sent\" cost:0", conversation: Conversation));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task CardAction_ThatCannotBeStored_IsAnsweredNothingWasRecorded_OnTheCard()
    {
        var a = TeamsHost.Activity("invoke_adaptive_card_action_execute_personal.json");
        a["conversation"]!["id"] = Conversation;
        a["value"]!["action"]!["data"] = new JsonObject { ["command"] = "stop propose \"Cold calls\"" };

        var response = await host.PostAsync(a);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Contains("nothing was recorded", body["value"]!.ToJsonString());
        CardSchema.AssertValid(body["value"]!.AsObject());
        Assert.Equal(0, await host.App.WithDbAsync(db => db.StopItems.CountAsync()));
    }
}
