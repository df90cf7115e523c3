using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>A job whose filter attribute asks Hangfire for a logger when the job is first created.</summary>
public sealed class RetriedNeverJob
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync() => Task.CompletedTask;
}

/// <summary>
/// Hangfire logs through one process-wide provider, which each host's start makes its own; the test hosts keep one
/// that outlives them all (<see cref="BotApplication"/>), so a host gone takes nothing of the others with it.
/// </summary>
[Collection(WebTests.Name)]
public sealed class HangfireLogsTests
{
    [Fact]
    public async Task AfterAHostThatStartedLaterIsGone_TheFirstStillCreatesJobs()
    {
        var clock = new FakeTimeProvider(BotApplication.Thursday);
        await using var first = new BotApplication(BotApplication.NewDataDirectory(), clock);
        _ = first.Services;
        await using (var later = new BotApplication(BotApplication.NewDataDirectory(), clock)) _ = later.Services;

        var id = first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RetriedNeverJob>(j => j.RunAsync());

        Assert.NotNull(first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(id));
    }
}
