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
