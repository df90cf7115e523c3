using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Web.Tests.Support;

public sealed class EventuallyTests
{
    [Fact]
    public async Task AWaitThatTimesOut_SaysWhatTheHostsWarnedOfMeanwhile_NotWhatTheyLoggedBefore()
    {
        var logger = new RecentWarnings("abcdef12").CreateLogger("AccountabilityBot.Test");
        logger.LogWarning("logged before the wait {Id}", 1);
        await Task.Delay(20);

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.Async<string>(async () =>
        {
            logger.LogInformation("information is left out");
            logger.LogError(new InvalidOperationException("the fake platform hung up"), "Could not send {Id}", 2);
            await Task.Yield();
            return null;
        }, TimeSpan.FromMilliseconds(300), "the answer"));

        Assert.StartsWith("Timed out waiting for the answer.", timedOut.Message);
        Assert.Contains("[abcdef12] Error AccountabilityBot.Test: Could not send 2 InvalidOperationException the fake platform hung up", timedOut.Message);
        Assert.DoesNotContain("logged before the wait", timedOut.Message);
        Assert.DoesNotContain("information is left out", timedOut.Message);
    }
}

/// <summary>A wait that times out also says what work the live hosts have left (<see cref="HostWork"/>).</summary>
[Collection(ChatHostTests.Name)]
public sealed class EventuallyHostWorkTests
{
    [Fact]
    public async Task AWaitThatTimesOut_SaysWhatTheHostsHaveLeft_HereAReplyNoWorkerTook()
    {
        await using var host = new Teams.TeamsHost(new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostAsync(Teams.TeamsHost.Message("help"))).StatusCode);

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.Async(
            () => Task.FromResult(host.Fake.Posts.FirstOrDefault()), TimeSpan.FromMilliseconds(300), "the reply"));

        // The reply's follow-up and the start-up's outbox sweep wait in the queue: no server here takes them.
        Assert.Matches(@"\] inbox #\d+ `help` at 15:00:00 \(host clock 15:00:00\), lease none, answered; jobs: 2 enqueued, 0 fetched, 0 processing",
            timedOut.Message);
    }
}
