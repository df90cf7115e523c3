using System.Text.RegularExpressions;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// Instances on one PostgreSQL database stopping in the middle of a 200-channel review, counted at one fake Slack:
/// killed with SIGKILL, the other instance takes the rest over; stopped with SIGTERM, the instance drains (nothing left
/// in doubt) and a restart sends the rest. A web-only instance (Jobs:RunServer=false) takes the commands meanwhile.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class InstanceStopTests : IAsyncLifetime
{
    const int Channels = 200;
    const string Secret = "stop-test-signing-secret";
    const string ReviewsSent = """SELECT COUNT(*) FROM "OutboundMessages" WHERE "Kind" = 'review' AND "SentAt" IS NOT NULL""";

    PostgresDatabase database = null!;
    LoopbackSlack loopback = null!;
    readonly CancellationTokenSource held = new();

    public async Task InitializeAsync()
    {
        if (PostgresDatabase.AdminConnectionString is null) return; // skipped
        database = await PostgresDatabase.CreateAsync();
        loopback = await LoopbackSlack.StartAsync();
        loopback.Slack.Users["UCCO"] = ("Ana", "ana@acme.example", "UTC");
    }

    public async Task DisposeAsync()
    {
        await held.CancelAsync(); // a response held back at the fake Slack ends, so it can stop
        if (loopback is not null) await loopback.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        held.Dispose();
    }

    Dictionary<string, string> Settings(bool runJobs = true, string lease = "00:00:03")
    {
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value!);
        settings["Slack:SigningSecret"] = Secret;
        settings["Slack:BotToken"] = FakeSlack.BotToken;
        settings["Slack:ApiBaseUrl"] = loopback.ApiBaseUrl;
        settings["Slack:WorkspacePostsPerMinute"] = "6000";
        settings["Outbox:Lease"] = lease;
        settings["Jobs:PollInterval"] = "00:00:00.200";
        settings["Jobs:RunServer"] = runJobs ? "true" : "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    [PostgresFact]
    public async Task Kill9_OneOfTwoInstancesMidReviewFanOut_TheOtherServesEveryChannelExactlyOnce()
    {
        // What a killed instance held is taken over once its leases run out: 3 s.
        var started = await Task.WhenAll(BotProcess.StartAsync(Settings()), BotProcess.StartAsync(Settings()));
        using var a = started[0];
        using var b = started[1];
        var reached = new TaskCompletionSource();
        var reviewsSeen = 0;
        loopback.Slack.AfterPostArrived = async post =>
        {
            if (!LoopbackSlack.IsReview(post) || Interlocked.Increment(ref reviewsSeen) != 81) return;
            reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, held.Token).ContinueWith(_ => { }); // its sender never hears back
        };
        await BindChannelsAsync(a, b);

        Assert.Contains("Sending review now", await LoopbackSlack.CommandAsync(b, Secret, "cadence review send", "C000"));
        if (await Task.WhenAny(reached.Task, Task.Delay(TimeSpan.FromSeconds(60))) != reached.Task)
            Assert.Fail($"Only {reviewsSeen} reviews reached Slack.\nA said:\n{a.Output}\nB said:\n{b.Output}");
        (await RunningReviewAsync() == a.Id ? a : b).Kill(); // the one fanning out
        // At least the post held at Slack is unrecorded: the dead instance's lease on it must run out first.
        Assert.InRange(await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "OutboundMessages" WHERE "SentAt" IS NOT NULL"""), 0, Channels - 1);

        // The survivor's minutely sweep takes over what is left, and what the dead instance held once its leases end.
        await Eventually.Async(() => Task.FromResult(loopback.ReviewsPerChannel().Count == Channels ? "done" : null), TimeSpan.FromSeconds(180),
            "every channel to get the review from the surviving instance");
        // The post held at Slack arrived there already; the survivor records it once its lookup finds it, which may come
        // after the last channel's post.
        await Eventually.Async(async () => await database.ScalarAsync<long>(ReviewsSent) == Channels ? "recorded" : null,
            what: "every review recorded as sent");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to show up, if there were one

        Assert.All(loopback.ReviewsPerChannel(), c => Assert.Equal(1, c.Value));
        Assert.Contains(loopback.Slack.Calls, c => c.Method == "conversations.history"); // the post in doubt was looked up
    }

    [PostgresFact]
    public async Task SigTerm_MidReviewFanOut_LeavesNothingInDoubt_AndARestartSendsTheRestExactlyOnce()
    {
        // The usual lease, long beside a slow Slack's answer: a post left in doubt would hold the restart up for 45 s.
        var started = await Task.WhenAll(BotProcess.StartAsync(Settings(lease: "00:00:45")), BotProcess.StartAsync(Settings(runJobs: false)));
        using var jobs = started[0];
        using var web = started[1];
        var slow = true;
        loopback.Slack.AfterPostArrived = async post =>
        {
            // Arrived, not yet answered: the window a cut-off leaves in doubt.
            if (LoopbackSlack.IsReview(post) && Volatile.Read(ref slow)) await Task.Delay(1500);
        };
        await BindChannelsAsync(web, web);
        // The web-only instance runs no job server: every server (the general one, the reply workers) is the other's.
        // A server's id is "machine:process id:guid".
        Assert.Equal(jobs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await database.ScalarAsync<string>("SELECT string_agg(DISTINCT split_part(id, ':', 2), ',') FROM hangfire.server"));

        // The web-only instance takes the command and queues the review; the job instance fans it out.
        Assert.Contains("Sending review now", await LoopbackSlack.CommandAsync(web, Secret, "cadence review send", "C000"));
        await Eventually.Async(() => Task.FromResult(loopback.ReviewsPerChannel().Count >= 20 ? "some" : null), TimeSpan.FromSeconds(60),
            "the fan-out to begin");
        Assert.Equal(0, await jobs.TerminateAsync(TimeSpan.FromSeconds(45)));
        Volatile.Write(ref slow, false);

        var arrived = loopback.ReviewsPerChannel().Values.Sum();
        Assert.InRange(arrived, 20, Channels - 1);
        var held = await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "OutboundMessages" WHERE "SentAt" IS NULL AND "LeaseUntil" IS NOT NULL""");
        Assert.True(held == 0, $"{held} posts left leased (in doubt); the bot said:\n{jobs.Output}");
        Assert.Equal(0L, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "OutboundMessages" WHERE "SentAt" IS NULL AND "Attempts" > 0"""));
        // Every post that reached Slack was recorded as sent before the instance exited.
        Assert.Equal(arrived, await database.ScalarAsync<long>(ReviewsSent));
        Assert.DoesNotContain("in doubt", jobs.Output, StringComparison.Ordinal);

        using var restarted = await BotProcess.StartAsync(Settings(lease: "00:00:45"));
        await Eventually.Async(() => Task.FromResult(loopback.ReviewsPerChannel().Count == Channels ? "done" : null), TimeSpan.FromSeconds(60),
            "every channel to get the review after the restart");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(loopback.ReviewsPerChannel(), c => Assert.Equal(1, c.Value));
        Assert.DoesNotContain(loopback.Slack.Calls, c => c.Method == "conversations.history"); // nothing was in doubt, so nothing was looked up
        // The web-only instance still answers.
        Assert.Matches("leadership|Working on it", await LoopbackSlack.CommandAsync(web, Secret, "channel leadership", "C999"));
    }

    async Task BindChannelsAsync(BotProcess first, BotProcess second)
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async lane =>
        {
            for (var i = lane; i < Channels; i += 4)
            {
                var answer = await LoopbackSlack.CommandAsync(i % 2 == 0 ? first : second, Secret, "channel leadership", $"C{i:000}");
                Assert.True(answer.Contains("leadership", StringComparison.Ordinal) || answer.Contains("Working on it", StringComparison.Ordinal), answer);
            }
        }));
        // On a busy machine a command may outlast its acknowledgement; it is bound all the same, a moment later.
        await Eventually.Async(async () => await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "ChannelBindings" """) >= Channels ? "bound" : null,
            what: "every channel bound");
    }

    /// <summary>The process id in the Hangfire server id ("host:pid:guid") of the worker running the review.</summary>
    async Task<int> RunningReviewAsync()
    {
        var data = await database.ScalarAsync<string>("""
            SELECT s.data::text FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%RunAsync%' LIMIT 1
            """);
        var match = Regex.Match(data ?? "", "\"ServerId\"\\s*:\\s*\"[^\":]*:(\\d+):");
        Assert.True(match.Success, $"no review job running: {data}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

}
