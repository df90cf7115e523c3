using System.Diagnostics;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// The real bot process, killed with SIGKILL after Slack was acknowledged but before the answer went out (a DM and a
/// slow slash command, both held at users.info), then started again on the same data folder with the default inbox
/// settings: each is answered within a minute of the restart, once, and recorded once.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class AcknowledgedCrashTests : IAsyncLifetime
{
    const string Secret = "crash-test-signing-secret";

    readonly string dataDirectory = BotApplication.NewDataDirectory();
    LoopbackSlack loopback = null!;

    public async Task InitializeAsync() => loopback = await LoopbackSlack.StartAsync();

    public async Task DisposeAsync() => await loopback.DisposeAsync();

    Dictionary<string, string> Settings => new()
    {
        ["Database:DataDirectory"] = dataDirectory,
        ["Slack:SigningSecret"] = Secret,
        ["Slack:BotToken"] = FakeSlack.BotToken,
        ["Slack:ApiBaseUrl"] = loopback.ApiBaseUrl,
        ["Slack:AckBudget"] = "00:00:00", // every slash command is answered "working on it", then later
        ["Jobs:PollInterval"] = "00:00:00.200",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task Kill9_AfterTheAck_RestartedBotAnswersTheDmAndTheCommandWithinAMinuteOnce()
    {
        var slack = loopback.Slack;
        slack.Users["UDM"] = ("Dee", "dee@acme.example", "UTC");
        slack.Users["UCMD"] = ("Cam", "cam@acme.example", "UTC");
        var held = 0;
        var bothHeld = new TaskCompletionSource();
        var holding = true;
        slack.BeforeAnswer = async method =>
        {
            if (method != "users.info" || !Volatile.Read(ref holding)) return;
            if (Interlocked.Increment(ref held) == 2) bothHeld.TrySetResult();
            await Task.Delay(TimeSpan.FromMinutes(2)); // the bot never hears back: it dies first
        };

        using (var first = await BotProcess.StartAsync(Settings))
        {
            var ack = await first.Client.SendAsync(SlackHost.Signed("/slack/events", DirectMessage("resolved \"Re-sent the invoice\" cost:0").ToJsonString(),
                Secret, DateTimeOffset.UtcNow, "application/json"));
            ack.EnsureSuccessStatusCode();
            var command = await first.Client.SendAsync(SlackHost.Signed("/slack/commands",
                SlackHost.CommandBody("resolved \"Called the clinic back\" cost:0", "UCMD", "CFRONT", trigger: "crash.1"), Secret, DateTimeOffset.UtcNow));
            Assert.Contains("Working on it", await command.Content.ReadAsStringAsync());
            if (await Task.WhenAny(bothHeld.Task, Task.Delay(TimeSpan.FromSeconds(60))) != bothHeld.Task)
                Assert.Fail($"The bot did not get as far as users.info for both; it said:\n{first.Output}");
            first.Kill();
        }
        Volatile.Write(ref holding, false);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM \"Resolutions\""));

        using (var second = await BotProcess.StartAsync(Settings))
        {
            // From when it answers again: how long a process takes to start is the machine's, not the inbox's.
            var restarted = Stopwatch.StartNew();
            await Eventually.Async(() => Task.FromResult(slack.PostedTo("D111").Count > 0 && Ephemerals().Count > 0 ? "both" : null),
                TimeSpan.FromSeconds(60), "the DM reply and the command's answer after the restart");
            Assert.InRange(restarted.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up, if there were one
            second.Kill();
        }

        Assert.Contains("R-", Assert.Single(slack.PostedTo("D111")));
        Assert.Contains("R-", (string?)Assert.Single(Ephemerals()).Args["text"]);
        Assert.Empty(slack.Of("response_url")); // the link died with the process: the answer came privately in the channel
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM \"Resolutions\""));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM \"ReceivedCommands\" WHERE \"FollowUp\" IS NOT NULL"));
    }

    [Fact]
    public async Task Kill9_WhileTheReplyIsBeingPosted_RestartedBotPostsItWithinAMinuteOnce()
    {
        var slack = loopback.Slack;
        slack.Users["UDM"] = ("Dee", "dee@acme.example", "UTC");
        var posting = new TaskCompletionSource();
        var holding = true;
        slack.BeforeAnswer = async method =>
        {
            if (method != "chat.postMessage" || !Volatile.Read(ref holding)) return;
            posting.TrySetResult();
            await Task.Delay(TimeSpan.FromMinutes(2)); // the post never reaches the channel: the bot dies first
        };

        using (var first = await BotProcess.StartAsync(Settings))
        {
            var ack = await first.Client.SendAsync(SlackHost.Signed("/slack/events", DirectMessage("resolved \"Re-sent the invoice\" cost:0").ToJsonString(),
                Secret, DateTimeOffset.UtcNow, "application/json"));
            ack.EnsureSuccessStatusCode();
            if (await Task.WhenAny(posting.Task, Task.Delay(TimeSpan.FromSeconds(60))) != posting.Task)
                Assert.Fail($"The bot did not get as far as posting the reply; it said:\n{first.Output}");
            first.Kill();
        }
        Volatile.Write(ref holding, false);

        using (var second = await BotProcess.StartAsync(Settings))
        {
            // From when it answers again: how long a process takes to start is the machine's, not the inbox's.
            var restarted = Stopwatch.StartNew();
            await Eventually.Async(() => Task.FromResult(slack.PostedTo("D111").Count > 0 ? "posted" : null),
                TimeSpan.FromSeconds(60), "the DM reply after the restart");
            Assert.InRange(restarted.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up, if there were one
            second.Kill();
        }

        Assert.Contains("R-1", Assert.Single(slack.PostedTo("D111")));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM \"Resolutions\""));
    }

    IReadOnlyList<FakeSlack.Call> Ephemerals() =>
        [.. loopback.Slack.Of("chat.postEphemeral").Where(c => (string?)c.Args["user"] == "UCMD" && (string?)c.Args["channel"] == "CFRONT")];

    static JsonObject DirectMessage(string text)
    {
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["event"]!["user"] = "UDM";
        envelope["event"]!["text"] = text;
        envelope["event_id"] = "EvCrash1";
        return envelope;
    }

    Task<long> CountAsync(string sql) => FolderDatabases.CountAsync(dataDirectory, sql);
}
