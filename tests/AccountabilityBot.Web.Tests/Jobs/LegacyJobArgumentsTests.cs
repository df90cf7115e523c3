using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// A job an earlier build left with a Slack payload as its argument is deleted and expired at the next start when it
/// will never run again; one that can still run is left to run (it may be an event not yet answered).
/// </summary>
[Collection(WebTests.Name)]
public sealed class LegacyJobArgumentsTests
{
    // As earlier builds queued it: the whole envelope, verification token included.
    const string Envelope = """{"token":"legacy-verification-token"}""";

    [Fact]
    public async Task Start_FailedJobWithASlackPayload_IsDeletedAndExpiresAtOnce_RunnableAndCurrentJobsStay()
    {
        var folder = BotApplication.NewDataDirectory();
        var slack = new FakeSlack();
        string failed, pending, current;
        await using (var before = new SlackHost(dataDirectory: folder, slack: slack))
        {
            var storage = before.App.Services.GetRequiredService<JobStorage>();
            var client = new BackgroundJobClient(storage);
            failed = client.Schedule<SlackEventJob>(job => job.RunAsync(Envelope, CancellationToken.None), TimeSpan.FromDays(1));
            using (var connection = storage.GetConnection())
                connection.SetJobParameter(failed, "RetryCount", "10"); // its retries used up, so it stays failed
            client.ChangeState(failed, new FailedState(new InvalidOperationException("gave up")));
            pending = client.Schedule<SlackEventJob>(job => job.RunAsync(Envelope, CancellationToken.None), TimeSpan.FromDays(1));
            current = client.Schedule<CurrentJobProbe>(job => job.Run(), TimeSpan.FromDays(1));
        }

        await using var after = new SlackHost(dataDirectory: folder, slack: slack);
        var monitor = after.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        // Deleted and expiring now, or already removed by the store's expiration pass (which may run at once).
        await Eventually.Async(() => Task.FromResult(monitor.JobDetails(failed) switch
        {
            null => "removed",
            var d when d.History.Any(h => h.StateName == DeletedState.StateName) && d.ExpireAt <= DateTime.UtcNow.AddSeconds(1) => "expiring now",
            _ => null,
        }), what: "the failed legacy job forgotten");
        Assert.Equal(ScheduledState.StateName, Assert.Single(monitor.JobDetails(pending).History).StateName);
        Assert.Equal(ScheduledState.StateName, Assert.Single(monitor.JobDetails(current).History).StateName);
    }
}

/// <summary>A job of today's kinds: it must be left alone.</summary>
public sealed class CurrentJobProbe
{
    public void Run() { }
}
