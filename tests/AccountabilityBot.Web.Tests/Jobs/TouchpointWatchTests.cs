using System.Net.Http.Json;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// The reliability watch through the real host: values arrive in chat or through the API, the watch runs (here directly,
/// as the cadence job does; Hangfire also runs it after each value, which must never post twice) and posts to leadership.
/// </summary>
[Collection(WebTests.Name)]
public sealed class TouchpointWatchTests : IAsyncLifetime
{
    readonly FakeTimeProvider clock = new(BotApplication.Thursday);
    readonly BotApplication app;

    public TouchpointWatchTests() => app = new(BotApplication.NewDataDirectory(), clock);

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "channel leadership", channel: "exec");
        await app.SayAsync("ana", "role @tom executive");
        await app.SayAsync("ana", "role @maria executive");
        await app.SayAsync("ana", "touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4 owner:@maria");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<int> WatchAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Touchpoints, CancellationToken.None));

    Task<int> AlertsAsync() => app.WithDbAsync(db => db.OutboundMessages.CountAsync(o => o.Kind == CadenceKinds.Touchpoints));

    Task ValueAsync(string value, string on) => app.SayAsync("tom", $"touchpoint value T-1 {value} on:{on}");

    [Fact]
    public async Task Crossing_IsPostedOnce_AndAgainOnlyAfterAWeek()
    {
        await ValueAsync("3", "2026-11-24");
        await WatchAsync();
        Assert.Equal(0, await AlertsAsync());

        await ValueAsync("5", "2026-11-25");
        await WatchAsync();
        await WatchAsync();
        Assert.Equal(1, await AlertsAsync());
        var alert = Assert.Single(await app.TranscriptAsync("exec"), i => i.Text.Contains("Reliability watch"));
        Assert.Contains("First reply within 4 hours is past its threshold: 5 hours on Wed 25 Nov 2026", alert.Text);
        Assert.Contains("fix owned by @maria", alert.Text);
        Assert.Equal(["Own the fix", "Record a decision"], alert.Buttons.Select(b => b.Label));

        clock.Advance(TimeSpan.FromDays(3));
        await ValueAsync("6", "2026-11-28");
        await WatchAsync();
        Assert.Equal(1, await AlertsAsync());

        clock.Advance(TimeSpan.FromDays(5));
        await WatchAsync();
        Assert.Equal(2, await AlertsAsync());
    }

    [Fact]
    public async Task Recovering_ThenCrossingAgain_IsPostedAgainAtOnce()
    {
        await ValueAsync("5", "2026-11-25");
        await WatchAsync();
        await ValueAsync("3.5", "2026-11-26");
        await WatchAsync();
        Assert.NotNull(await app.WithDbAsync(db => db.Touchpoints.Select(t => t.RecoveredAt).SingleAsync()));
        Assert.Equal(1, await AlertsAsync());

        clock.Advance(TimeSpan.FromDays(1));
        await ValueAsync("4.5", "2026-11-27");
        await WatchAsync();
        Assert.Equal(2, await AlertsAsync());
    }

    [Fact]
    public async Task ThresholdEdit_PutsTheLatestValueAcross_AndTheWatchRaisesIt()
    {
        await app.SayAsync("ana", "touchpoint edit T-1 threshold:6");
        await ValueAsync("5", "2026-11-25");
        await WatchAsync();
        Assert.Equal(0, await AlertsAsync());
        await app.SayAsync("ana", "touchpoint edit T-1 threshold:4.5");
        await WatchAsync();
        Assert.Equal(1, await AlertsAsync());
    }

    [Fact]
    public async Task RisingTrend_ProjectedAcrossWithinTwoWeeks_IsPostedWithTheArithmetic()
    {
        // 0.1 hours a day worse for 15 days: 2.1 → 3.5, so the line reaches 4 hours five days after the last value.
        var values = Enumerable.Range(0, 15).Select(i => new { date = $"2026-11-{11 + i:00}", value = 2.1m + 0.1m * i }).ToArray();
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        (await client.PostAsJsonAsync("/api/v1/touchpoints/T-1/values", values)).EnsureSuccessStatusCode();
        await WatchAsync();
        Assert.Equal(1, await AlertsAsync());
        var alert = Assert.Single(await app.TranscriptAsync("exec"), i => i.Text.Contains("Reliability watch"));
        Assert.Contains("heading past its threshold: at its current rate it reaches 4 hours around Mon 30 Nov 2026", alert.Text);
        Assert.Contains("rising 0.1 hours a day over 28 days, the least-squares line through its 15 values", alert.Text);
    }

    [Fact]
    public async Task OwnTheFix_Clicked_MakesACommitmentLinkedToTheTouchpoint_AndTheAlertNamesCustomersAtStake()
    {
        await app.SayAsync("ana", "won \"ACME Dental\" value:36000 on:2026-10-01");
        await app.SayAsync("ana", "won \"Bright Smiles\" value:12000 on:2026-10-01");
        await app.SayAsync("ana", "resolved Called back about a late reply customer:\"ACME Dental\" stage:\"Get help\"");
        await ValueAsync("5", "2026-11-25");
        await WatchAsync();
        var alert = Assert.Single(await app.TranscriptAsync("exec"), i => i.Text.Contains("Reliability watch"));
        Assert.Contains("At stake at Get help: 1 customer · $36,000 a year (ACME Dental)", alert.Text);

        var reply = await app.SayAsync("tom", alert.Buttons.Single(b => b.Label == "Own the fix").Command, channel: "exec");
        Assert.Contains("C-1", reply.Text);
        var commitment = await app.WithDbAsync(db => db.Commitments.Include(c => c.Owner).SingleAsync());
        Assert.Equal((1, "T-1", "tom"), (commitment.TouchpointId!.Value, commitment.PromptedBy, commitment.Owner.PlatformUserId));

        // The weekly review's reliability watch: latest value, trend, and who owns the fix now (the commitment's owner).
        var review = await app.SayAsync("ana", "review", channel: "exec");
        Assert.Contains("Reliability watch", review.Text);
        Assert.Contains("🔴 T-1 First reply within 4 hours (Get help): 5 hours on 25 Nov", review.Text);
        Assert.Contains("fix owned by @tom (C-1, due 10 Dec)", review.Text);
    }
}
