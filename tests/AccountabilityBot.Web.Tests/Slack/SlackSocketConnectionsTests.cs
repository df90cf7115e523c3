using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>
/// Several Socket Mode connections, in one instance or spread over two on one PostgreSQL database: Slack may deliver
/// an envelope again on another connection (unacknowledged in time, with retry_attempt); each is acknowledged where it
/// came and recorded once.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackSocketConnectionsTests
{
    static readonly Dictionary<string, string?> SocketMode = new() { ["Slack:AppToken"] = FakeSlack.AppToken, ["Slack:SigningSecret"] = "" };

    [Fact]
    public async Task TwoConnections_TheSameEnvelopeOnBoth_IsAckedOnEach_AndRecordedOnce()
    {
        await using var server = new FakeSocketModeServer();
        await server.StartAsync();
        await using var host = new SlackHost(new Dictionary<string, string?>(SocketMode) { ["Slack:SocketConnections"] = "2" });
        host.Slack.SocketUrl = server.Url;
        host.Slack.BotUserId = "U111";
        _ = host.Client;
        await server.WaitForConnectionAsync();
        await server.WaitForConnectionAsync();

        var command = Command("resolved \"Fixed a billing address\" cost:0");
        var mention = Mention("<@U111> help");
        await Task.WhenAll(server.SendAsync(command.First, 1), server.SendAsync(command.Again, 2),
            server.SendAsync(mention.First, 2), server.SendAsync(mention.Again, 1));

        foreach (var connection in new[] { 1, 2 })
            await Eventually.Async(async () => server.ReceivedOn(connection).Count == 2 ? "" : null, what: $"both acks on connection {connection}");
        Assert.Equal(["env-mention", "xxx-11-222-yyy-zzz"], server.ReceivedOn(1).Select(a => (string)a["envelope_id"]!).Order());
        Assert.Equal(["env-mention", "xxx-11-222-yyy-zzz"], server.ReceivedOn(2).Select(a => (string)a["envelope_id"]!).Order());
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
        await Eventually.Async(async () => host.Slack.PostedTo("C111").FirstOrDefault(), what: "the answer to the mention");
        await Task.Delay(1_500); // time enough for a second answer to show
        Assert.Single(host.Slack.PostedTo("C111"));
    }

    [PostgresFact]
    public async Task TwoInstances_TheSameEnvelopeToEach_IsRecordedOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var server = new FakeSocketModeServer();
        await server.StartAsync();
        var slack = new FakeSlack { SocketUrl = server.Url };
        await using var a = new SlackHost(database.Settings(SocketMode), slack: slack);
        await using var b = new SlackHost(database.Settings(SocketMode), slack: slack);
        _ = a.Client;
        await server.WaitForConnectionAsync();
        _ = b.Client;
        await server.WaitForConnectionAsync();

        var command = Command("resolved \"Refunded a double charge\" cost:20");
        await Task.WhenAll(server.SendAsync(command.First, 1), server.SendAsync(command.Again, 2));

        foreach (var connection in new[] { 1, 2 })
            await Eventually.Async(async () => server.ReceivedOn(connection).FirstOrDefault(), what: $"the ack on connection {connection}");
        Assert.Equal(1L, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Resolutions" """));
        Assert.Equal(1L, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "ReceivedCommands" WHERE "DeliveryId" = 'cmd:111.222.xxx'"""));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public async Task Start_WithSocketConnectionsOutOfRange_Refuses(string connections)
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?>(SocketMode) { ["Slack:BotToken"] = FakeSlack.BotToken, ["Slack:SocketConnections"] = connections });
        var failure = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.Contains("Slack:SocketConnections must be between 1 and 10", failure.Message);
    }

    /// <summary>A slash command's envelope, and the same delivered again as Slack redelivers it (retry_attempt 1).</summary>
    static (string First, string Again) Command(string text)
    {
        var envelope = FakeSlack.Fixture("socket_mode_slash_commands.json");
        envelope["payload"]!["text"] = text;
        return (envelope.ToJsonString(), Again(envelope));
    }

    static (string First, string Again) Mention(string text)
    {
        var envelope = FakeSlack.Fixture("socket_mode_events_api_retry.json");
        envelope["envelope_id"] = "env-mention";
        envelope["retry_attempt"] = 0;
        envelope["payload"]!["event"]!["text"] = text;
        return (envelope.ToJsonString(), Again(envelope));
    }

    static string Again(JsonObject envelope)
    {
        var again = envelope.DeepClone().AsObject();
        again["retry_attempt"] = 1;
        again["retry_reason"] = "timeout";
        return again.ToJsonString();
    }
}
