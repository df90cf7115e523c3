using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// The real bot process, killed with SIGKILL in the middle of a 200-channel review fan-out, then started again on the
/// same database: every channel ends up with exactly one review, counted at the fake Slack.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class ProcessKillTests : IAsyncLifetime
{
    const int Channels = 200, KillAt = 81;
    const string Secret = "kill-test-signing-secret";

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
        ["Slack:WorkspacePostsPerMinute"] = "6000",
        ["Outbox:Lease"] = "00:00:03",
        ["Jobs:PollInterval"] = "00:00:00.200",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task Kill9_MidReviewFanOut_RestartedBotPostsEachChannelExactlyOnce()
    {
        var slack = loopback.Slack;
        slack.Users["UCCO"] = ("Ana", "ana@acme.example", "UTC");
        var killed = new TaskCompletionSource();
        var reviewsSeen = 0;
        slack.AfterPostArrived = async post =>
        {
            if (!LoopbackSlack.IsReview(post) || Interlocked.Increment(ref reviewsSeen) != KillAt) return;
            killed.TrySetResult();
            await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)).ContinueWith(_ => { });
        };

        using (var first = await BotProcess.StartAsync(Settings))
        {
            for (var i = 0; i < Channels; i++)
                Assert.Contains("leadership", await LoopbackSlack.CommandAsync(first, Secret, "channel leadership", $"C{i:000}"));
            Assert.Contains("Sending review now", await LoopbackSlack.CommandAsync(first, Secret, "cadence review send", "C000"));
            if (await Task.WhenAny(killed.Task, Task.Delay(TimeSpan.FromSeconds(90))) != killed.Task)
                Assert.Fail($"Only {reviewsSeen} reviews reached Slack; the bot said:\n{first.Output}");
            first.Kill(); // the 81st review reached Slack; the bot never heard back
        }
        var beforeRestart = loopback.ReviewsPerChannel().Values.Sum();
        Assert.InRange(beforeRestart, KillAt, Channels - 1);

        using (var second = await BotProcess.StartAsync(Settings))
        {
            await Eventually.Async(() => Task.FromResult(loopback.ReviewsPerChannel().Count == Channels ? "done" : null), TimeSpan.FromSeconds(90),
                "every channel to get the review after the restart");
            await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to show up, if there were one
            second.Kill();
        }

        var perChannel = loopback.ReviewsPerChannel();
        Assert.Equal(Channels, perChannel.Count);
        Assert.All(perChannel, c => Assert.Equal(1, c.Value));
        Assert.Contains(slack.Calls, c => c.Method == "conversations.history"); // the post in doubt was looked up
        Assert.Equal(Channels, await CountAsync("SELECT COUNT(*) FROM \"OutboundMessages\" WHERE \"Kind\" = 'review' AND \"SentAt\" IS NOT NULL"));
    }

    Task<long> CountAsync(string sql) => FolderDatabases.CountAsync(dataDirectory, sql);
}
