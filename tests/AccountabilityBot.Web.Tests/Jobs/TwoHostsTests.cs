using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// Two instances on one database (two Hangfire servers, one app database): every post still goes out once. Two hosts in
/// one process (the tests run several at once) each run their jobs with their own services.
/// </summary>
[Collection(WebTests.Name)]
public sealed class TwoHostsTests
{
    [Fact]
    public async Task TwoHosts_BothRunTheReviewForTwentyChannels_EachChannelGetsExactlyOne()
    {
        var folder = BotApplication.NewDataDirectory();
        var clock = new FakeTimeProvider(BotApplication.Thursday);
        var sent = new SentLog();
        await using var first = new BotApplication(folder, clock, sent: sent);
        await using var second = new BotApplication(folder, clock, sent: sent);
        for (var i = 0; i < 20; i++) await first.SayAsync("ana", "channel leadership", channel: $"exec-{i}");

        foreach (var host in new[] { first, second, first, second })
            host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CadenceJob>(j => j.RunAsync("review", CancellationToken.None));

        await Eventually.Async(async () =>
            await first.WithDbAsync(db => db.OutboundMessages.CountAsync(o => o.Kind == "review" && o.SentAt != null)) == 20 ? "all" : null,
            what: "twenty reviews");
        await Task.Delay(1500); // let any late duplicate show itself
        var perChannel = sent.Sends.Where(s => s.Conversation.StartsWith("exec-")).GroupBy(s => s.Conversation).ToList();
        Assert.Equal(20, perChannel.Count);
        Assert.All(perChannel, g => Assert.Single(g));
    }

    [Fact]
    public async Task HostsStartingTogetherInOneProcess_EachRunsItsJobsWithItsOwnServices()
    {
        var clock = new FakeTimeProvider(BotApplication.Thursday);
        var hosts = Enumerable.Range(0, 4).Select(_ => new BotApplication(BotApplication.NewDataDirectory(), clock)).ToList();
        try
        {
            // Started together: each one's start sets Hangfire's process-wide activator while the others are starting.
            await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Services)));
            foreach (var host in hosts)
            {
                using var scope = host.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
                var expected = host.Services.GetRequiredService<IConfiguration>()["Database:DataDirectory"];
                Assert.Equal(expected, ((IConfiguration)scope.Resolve(typeof(IConfiguration)))["Database:DataDirectory"]);
            }
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }
}
