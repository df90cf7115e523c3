using System.Net;
using AccountabilityBot.Web.Tests.Support;
using AccountabilityBot.Web.Tests.Teams;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>A job that holds its worker until the test lets it go, as a review's fan-out may for minutes.</summary>
public sealed class HoldingJob
{
    public static readonly SemaphoreSlim Release = new(0);

    public Task RunAsync() => Release.WaitAsync(TimeSpan.FromMinutes(2));
}

/// <summary>Answers to chat have workers of their own: one never waits behind a long job holding every general worker.</summary>
[Collection(ChatHostTests.Name)]
public sealed class ReplyWorkersTests : IAsyncLifetime
{
    readonly TeamsHost host = new(new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "1" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        HoldingJob.Release.Release();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task WhileALongJobHoldsTheOnlyGeneralWorker_ATeamsMessageIsStillAnswered()
    {
        var jobs = host.App.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<HoldingJob>(j => j.RunAsync());
        var monitor = host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.Async(() => Task.FromResult<ProcessingJobDto?>(
            monitor.ProcessingJobs(0, 10).FirstOrDefault(j => j.Value.Job?.Type == typeof(HoldingJob)).Value),
            what: "the long job to take the general worker");

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Message("help", conversation: "a:chat-held"))).StatusCode);

        await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault(p => p.Path.Contains("a:chat-held"))), what: "the answer");
        Assert.Contains(monitor.ProcessingJobs(0, 10), j => j.Value.Job?.Type == typeof(HoldingJob)); // it still holds its worker
    }
}
