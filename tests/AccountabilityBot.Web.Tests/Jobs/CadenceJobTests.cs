using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

[Collection(WebTests.Name)]
public sealed class CadenceJobTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task CadenceSetInChat_RegistersRecurringJobWithItsZone()
    {
        await app.SayAsync("ana", "cadence review tue 07:30 Europe/Paris");
        var storage = app.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == HangfireCadenceScheduler.JobId("review"));
        Assert.Equal("30 7 * * 2", job.Cron);
        Assert.Equal("Europe/Paris", job.TimeZoneId);

        await app.SayAsync("ana", "cadence review pause");
        using var after = storage.GetConnection();
        Assert.DoesNotContain(after.GetRecurringJobs(), j => j.Id == HangfireCadenceScheduler.JobId("review"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReviewJob_RunByHangfireServer_PostsToLeadershipChannelOnce(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        await app.SayAsync("ana", "channel leadership", channel: "exec");
        await app.SayAsync("ana", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" on:2026-11-23");
        var client = app.Services.GetRequiredService<IBackgroundJobClient>();
        client.Enqueue<CadenceJob>(j => j.RunAsync("review", CancellationToken.None));
        var posted = await Eventually.Async(async () =>
            await app.WithDbAsync(db => db.OutboundMessages.FirstOrDefaultAsync(o => o.ConversationId == "exec" && o.SentAt != null)),
            what: "the review to be posted");
        Assert.Contains("review:2026-11-26:Local:exec", posted.IdempotencyKey);

        // A retry (Hangfire delivers at least once) on the same day must not post again.
        var second = client.Enqueue<CadenceJob>(j => j.RunAsync("review", CancellationToken.None));
        await Eventually.Async(async () =>
        {
            using var c = app.Services.GetRequiredService<JobStorage>().GetConnection();
            return c.GetJobData(second)?.State == "Succeeded" ? "done" : null;
        }, what: "the second run");
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundMessages.CountAsync(o => o.ConversationId == "exec")));
        var transcript = await app.TranscriptAsync("exec");
        Assert.Contains(transcript, i => i.From == "bot" && i.Text.Contains("missed deliveries"));
    }

    [Fact]
    public async Task Startup_RegistersEveryCadenceKind_NudgesTickInUtc_TheSweeper_AndTheDashboardsTidy()
    {
        app.CreateClient();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal(("0 8 * * 1", "UTC"), (jobs["cadence:review"].Cron, jobs["cadence:review"].TimeZoneId));
        Assert.Equal(("*/15 * * * *", "UTC"), (jobs["cadence:nudges"].Cron, jobs["cadence:nudges"].TimeZoneId));
        Assert.Equal("0 14 * * 5", jobs["cadence:prompts"].Cron);
        Assert.Contains(HangfireCadenceScheduler.SweeperId, jobs.Keys);
        Assert.Equal("0 * * * *", jobs[HangfireCadenceScheduler.StoryPromptsId].Cron);
        Assert.Equal("0 3 * * *", jobs[AccountabilityBot.Web.Dashboard.DashboardTidy.JobId].Cron);
        Assert.Equal(AccountabilityBot.Core.Domain.CadenceKinds.All.Length + 3, jobs.Count);
    }
}
