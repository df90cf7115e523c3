using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// Frontline patterns through the real host on the local channel: fixes logged with <c>resolved</c>, the daily search run
/// as the cadence job runs it, the question posted to leadership, and leadership's answers (dismiss, propose a stop).
/// </summary>
[Collection(WebTests.Name)]
public sealed class PatternWatchTests : IAsyncLifetime
{
    /// <summary>Six fixes at Delivery that all share "missed", "delivery" and "replacement", in the words of different people.</summary>
    internal static readonly string[] MissedDeliveries =
    [
        "Couriered a replacement box of gloves after the carrier missed the delivery",
        "Carrier missed the delivery again, sent a replacement by courier",
        "Missed delivery: drove the replacement trays over myself",
        "Replacement lenses couriered same day because the delivery was missed",
        "Delivery missed for the second time this month, arranged a replacement",
        "Refunded shipping and sent a replacement after a missed deliveries mix-up",
    ];

    readonly FakeTimeProvider clock = new(BotApplication.Thursday);
    readonly BotApplication app;

    public PatternWatchTests() => app = new(BotApplication.NewDataDirectory(), clock);

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "channel leadership", channel: "exec");
        await app.SayAsync("ana", "role @tom executive");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<int> SearchAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Patterns, CancellationToken.None));

    async Task<List<LocalTranscriptItem>> PostsAsync() =>
        (await app.TranscriptAsync("exec")).Where(i => i.From == "bot" && i.Text.Contains("Frontline pattern: F-")).ToList();

    async Task FixAsync(string who, string what, string? stage = null, string? customer = null, int cost = 0)
    {
        var reply = await app.SayAsync(who, $"resolved \"{what}\"" + (stage is null ? "" : $" stage:\"{stage}\"")
            + (customer is null ? "" : $" customer:\"{customer}\"") + (cost > 0 ? $" cost:{cost}" : ""), channel: "frontline");
        Assert.Contains("Logged", reply.Text);
    }

    async Task MissedDeliveriesAsync(int count = 6)
    {
        for (var i = 0; i < count; i++)
            await FixAsync(i % 2 == 0 ? "fran" : "jo", MissedDeliveries[i % MissedDeliveries.Length], "Delivery", cost: 10 * (i + 1));
    }

    [Fact]
    public async Task RealisticFixes_ClusterBySharedWordsAtAStage_AndByCustomer_ButNotTheLookalikes()
    {
        // Outside the window: with it, the booking-sync fixes would have made five.
        await FixAsync("jo", "Fixed the booking sync by hand", "Get help");
        clock.Advance(TimeSpan.FromDays(20));
        for (var i = 0; i < 4; i++) await FixAsync("jo", $"Booking sync stuck again, fixed it by hand (time {i})", "Get help");
        await MissedDeliveriesAsync();
        // The same words at another stage do not join the Delivery cluster (and are too few on their own).
        for (var i = 0; i < 3; i++) await FixAsync("li", "Customer chased a missed delivery, booked a replacement", "Get help");
        // Five fixes at Delivery sharing one significant word only, "delivery".
        foreach (var what in new[] { "Rebooked a delivery slot for the afternoon", "Delivery driver could not find the loading bay, guided him in",
                     "Split the delivery into two boxes", "Updated the delivery address on the account", "Waived the delivery charge for a first order" })
            await FixAsync("fran", what, "Delivery");
        // Five at Use with nothing but common words ("called", "customer", "back").
        foreach (var what in new[] { "Called them back", "Phoned the practice back", "Emailed the client back today", "Called the customer again",
                     "Sent an email to the client" })
            await FixAsync("jo", what, "Use");
        // One customer, five different fixes at different stages: a pattern by customer.
        foreach (var (what, stage) in new[] { ("Reset a locked account", "Use"), ("Extra training session for the front desk", "Onboard"),
                     ("Held last year's price during the renewal", "Renew"), ("Credited a duplicate invoice line", "Use"),
                     ("Answered an invoice query", "Get help") })
            await FixAsync("li", what, stage, customer: "Bright Smiles", cost: 5);

        Assert.Equal(2, await SearchAsync());
        var posts = await PostsAsync();
        Assert.Equal(2, posts.Count);
        var delivery = Assert.Single(posts, p => p.Text.Contains("at Delivery"));
        Assert.Contains("What are we doing to customers that makes the frontline fix this again and again?", delivery.Text);
        Assert.Contains("6 fixes at Delivery in the last 14 days share the words “replacement”, “missed”, “delivery”, costing $210 together",
            delivery.Text);
        Assert.Contains("Fixed by @fran (3), @jo (3)", delivery.Text);
        Assert.Contains("R-11 Refunded shipping and sent a replacement", delivery.Text);
        Assert.Equal(["Propose a stop", "Record a decision", "Dismiss"], delivery.Buttons.Select(b => b.Label));
        var customer = Assert.Single(posts, p => p.Text.Contains("for Bright Smiles"));
        Assert.Contains("5 fixes for Bright Smiles in the last 14 days, costing $25 together", customer.Text);

        var evidence = await app.WithDbAsync(db => db.FrontlinePatterns.Include(p => p.Evidence).SingleAsync(p => p.StageId != null));
        Assert.Equal([6, 7, 8, 9, 10, 11], evidence.Evidence.Select(e => e.ResolutionId).Order());
        Assert.Equal((PatternStatus.Raised, 6, 210m), (evidence.Status, evidence.Size, evidence.Cost));

        // Posted once per window: the next morning's run, and a run the CCO asks for, post nothing new.
        clock.Advance(TimeSpan.FromDays(1));
        await FixAsync("jo", MissedDeliveries[0], "Delivery");
        Assert.Equal(0, await SearchAsync());
        Assert.Equal(2, (await PostsAsync()).Count);
    }

    [Fact]
    public async Task Dismissed_StaysQuietForItsQuietPeriod_WithTheReasonListed_ThenIsRaisedAgain()
    {
        await MissedDeliveriesAsync();
        Assert.Equal(1, await SearchAsync());
        var dismissed = await app.SayAsync("tom", "pattern dismiss F-1 \"Carrier strike in November; it is over\"", channel: "exec");
        Assert.Contains("Dismissed pattern F-1", dismissed.Text);
        Assert.Contains("quiet until Wed 24 Feb 2027", dismissed.Text);

        clock.Advance(TimeSpan.FromDays(20));
        await MissedDeliveriesAsync();
        Assert.Equal(0, await SearchAsync());
        var list = await app.SayAsync("fran", "patterns");
        Assert.Contains("“replacement missed delivery” at Delivery: 6 fixes, $210", list.Text);
        Assert.Contains("dismissed by @tom: “Carrier strike in November; it is over”", list.Text);

        clock.Advance(TimeSpan.FromDays(71));
        await MissedDeliveriesAsync();
        Assert.Equal(1, await SearchAsync());
        Assert.Equal(2, (await PostsAsync()).Count);
        Assert.Equal(PatternStatus.Raised, await app.WithDbAsync(db => db.FrontlinePatterns.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task ProposeAStop_Clicked_MakesAStopItemLinkedToThePatternAndItsEvidence()
    {
        await MissedDeliveriesAsync();
        await SearchAsync();
        var button = Assert.Single(await PostsAsync()).Buttons.Single(b => b.Label == "Propose a stop");
        var command = button.Command.Replace(ActionButton.AnswerSlot, "Booking couriers without a delivery window");
        var reply = await app.SayAsync("tom", command, channel: "exec");
        Assert.Contains("Proposed stop S-1", reply.Text);
        Assert.Contains("from pattern F-1", reply.Text);

        var stop = await app.WithDbAsync(db => db.StopItems.Include(s => s.Pattern!).ThenInclude(p => p.Evidence).SingleAsync());
        Assert.Equal(("Booking couriers without a delivery window", 1), (stop.Title, stop.PatternId));
        Assert.Equal("Frontline pattern F-1: 6 fixes at Delivery sharing “replacement missed delivery” (R-1, R-2, R-3, R-4, R-5, R-6), costing $210.",
            stop.Rationale);
        Assert.Equal([1, 2, 3, 4, 5, 6], stop.Pattern!.Evidence.Select(e => e.ResolutionId).Order());
        Assert.Equal(PatternStatus.StopProposed, stop.Pattern.Status);

        var again = await app.SayAsync("ana", "stop propose \"Something else\" re:F-1", channel: "exec");
        Assert.Contains("F-1 is already on the stop list as S-1", again.Text);
        clock.Advance(TimeSpan.FromDays(20));
        await MissedDeliveriesAsync();
        Assert.Equal(0, await SearchAsync());
        Assert.Contains("F-1 “replacement missed delivery” at Delivery · proposed as stop S-1", (await app.SayAsync("ana", "patterns")).Text);
    }
}
