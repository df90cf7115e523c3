using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Socket Mode against a WebSocket server on loopback sending Slack's recorded envelopes.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    readonly FakeSocketModeServer server = new();
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:AppToken"] = FakeSlack.AppToken, ["Slack:SigningSecret"] = "" });

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        host.Slack.SocketUrl = server.Url;
        _ = host.Client; // starts the host, and with it the Socket Mode service
        await server.WaitForConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task SlashCommand_IsAckedByEnvelopeIdWithTheAnswerAsPayload()
    {
        var envelope = FakeSlack.Fixture("socket_mode_slash_commands.json");
        envelope["payload"]!["text"] = "resolved \"Fixed a billing address\" cost:0";
        await server.SendAsync(envelope.ToJsonString());

        var ack = await Eventually.Async(async () => server.Received.FirstOrDefault(), what: "the ack");
        Assert.Equal("xxx-11-222-yyy-zzz", (string?)ack["envelope_id"]);
        Assert.Contains("R-1", (string?)ack["payload"]!["text"]);
        Assert.Equal(FakeSlack.AppToken, Assert.Single(host.Slack.Calls, c => c.Method == "apps.connections.open").Token);
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }

    [Fact]
    public async Task EventsApi_IsAckedWithoutPayloadAndAnsweredInTheChannel()
    {
        var envelope = FakeSlack.Fixture("socket_mode_events_api_retry.json");
        envelope["retry_attempt"] = 0;
        envelope["payload"]!["event"]!["text"] = "<@U111> help";
        host.Slack.BotUserId = "U111";
        await server.SendAsync(envelope.ToJsonString());

        var ack = await Eventually.Async(async () => server.Received.FirstOrDefault(), what: "the ack");
        Assert.Equal((string?)envelope["envelope_id"], (string?)ack["envelope_id"]);
        Assert.Null(ack["payload"]);
        await Eventually.Async(async () => host.Slack.PostedTo("C111").FirstOrDefault(), what: "the answer");
    }

    [Fact]
    public async Task Interactive_BlankModalAnswer_IsAckedWithTheErrorsResponseAction()
    {
        var view = AccountabilityBot.Web.Slack.SlackAnswerModal.View(new("decide {answer}", "C111"), "What did we decide?");
        var envelope = new JsonObject
        {
            ["envelope_id"] = "env-view-1",
            ["type"] = "interactive",
            ["accepts_response_payload"] = true,
            ["payload"] = SlackHost.Submission("U111", view, " "),
        };
        await server.SendAsync(envelope.ToJsonString());

        var ack = await Eventually.Async(async () => server.Received.FirstOrDefault(), what: "the ack");
        Assert.Equal("env-view-1", (string?)ack["envelope_id"]);
        Assert.Equal("errors", (string?)ack["payload"]!["response_action"]);
    }

    [Fact]
    public async Task Disconnect_RefreshRequested_Reconnects()
    {
        await server.SendAsync(FakeSlack.FixtureText("socket_mode_disconnect_refresh_requested.json"));
        await server.WaitForConnectionAsync();
        Assert.Equal(2, server.ConnectionCount);
        Assert.Equal(2, host.Slack.Calls.Count(c => c.Method == "apps.connections.open"));
    }
}
