using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>Start-up registers the stored cadence off the request path, without undoing a change made meanwhile.</summary>
public sealed class StartUpCadenceTests
{
    sealed class RecordingRecurringJobs : IRecurringJobManager
    {
        public Dictionary<string, string> Cron { get; } = [];
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Cron[recurringJobId] = cronExpression;
        public void Trigger(string recurringJobId) { }
        public void RemoveIfExists(string recurringJobId) => Cron.Remove(recurringJobId);
    }

    sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, Hangfire.States.IState state) => "1";
        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }

    readonly RecordingRecurringJobs recurring = new();
    HangfireCadenceScheduler Scheduler() => new(recurring, new NoJobs(), new OutboxSettings(), NullLogger<HangfireCadenceScheduler>.Instance);

    static IReadOnlyList<CadenceSetting> Review(string days, int hour) =>
        [new CadenceSetting { Kind = CadenceKinds.Review, Days = days, LocalTime = new TimeOnly(hour, 0), TimeZone = "UTC" }];

    [Fact]
    public async Task StoredCadence_NothingChangedMeanwhile_IsRegistered()
    {
        await Scheduler().ApplyStoredAsync(() => Task.FromResult(Review("mon", 8)));
        Assert.Equal("0 8 * * 1", recurring.Cron[HangfireCadenceScheduler.JobId(CadenceKinds.Review)]);
    }

    [Fact]
    public async Task StoredCadence_ACommandChangedItWhileItWasRead_DoesNotUndoTheChange()
    {
        var scheduler = Scheduler();
        await scheduler.ApplyStoredAsync(async () =>
        {
            await scheduler.ApplyAsync(Review("fri", 16), CancellationToken.None); // `cadence review fri 16:00` lands meanwhile
            return Review("mon", 8); // what start-up read before it
        });
        Assert.Equal("0 16 * * 5", recurring.Cron[HangfireCadenceScheduler.JobId(CadenceKinds.Review)]);
    }
}
