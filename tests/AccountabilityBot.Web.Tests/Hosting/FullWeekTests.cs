using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>A week of use through the local channel, ending with the Monday review posted by the Hangfire server.</summary>
[Collection(WebTests.Name)]
public sealed class FullWeekTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Week_FromCadenceToReview_PostsWhatHappenedAndStoresIt()
    {
        // Thursday: the CCO sets up; leaders commit and decide; the frontline resolves.
        await app.SayAsync("ana", "cadence review mon 08:00 America/New_York");
        await app.SayAsync("ana", "channel leadership");
        await app.SayAsync("ana", "role @maria executive");
        await app.SayAsync("ana", "role @tom executive");
        Assert.Contains("C-1", (await app.SayAsync("tom", "commit Fix the onboarding email sequence due:friday stage:Onboard")).Text);
        Assert.Contains("C-2", (await app.SayAsync("maria", "commit Call every lost dental clinic owner:@maria due:2026-12-11")).Text);
        await app.SayAsync("maria",
            "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries in October, and nobody called.\"");
        Assert.Contains("D-1", (await app.SayAsync("maria",
            "decide Waive the cancellation fee for customers hit by the October outage owner:@maria due:2026-12-15 re:L-1")).Text);
        Assert.Contains("R-1", (await app.SayAsync("jo",
            "resolved \"Refunded shipping for a late delivery\" customer:\"ACME Dental\" stage:Delivery cost:25", channel: "frontline")).Text);

        // Monday 08:00 in New York: tom's Friday commitment is now three days overdue.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CadenceJob>(j => j.RunAsync("review", CancellationToken.None));
        var review = await Eventually.Async(async () =>
            (await app.TranscriptAsync("leadership")).LastOrDefault(i => i.Id.StartsWith("out-")), what: "the weekly review");

        Assert.Contains("ACME Dental", review.Text);
        Assert.Contains("36,000", review.Text);
        Assert.Contains("Three missed deliveries", review.Text);
        Assert.Contains("C-1", review.Text);
        Assert.Contains("D-1", review.Text);
        Assert.Contains(review.Buttons, b => b.Command.Contains("L-1"));

        var (commitments, decisions, resolutions, toldStories) = await app.WithDbAsync(async db => (
            await db.Commitments.CountAsync(), await db.Decisions.CountAsync(), await db.Resolutions.CountAsync(),
            await db.LostStories.CountAsync(s => s.ToldAt != null)));
        Assert.Equal((2, 1, 1, 1), (commitments, decisions, resolutions, toldStories));
        Assert.True(await app.WithDbAsync(db => db.AuditTrail.AnyAsync(a => a.Subject == "D-1" && a.Platform == ChatPlatform.Local)));
    }
}
