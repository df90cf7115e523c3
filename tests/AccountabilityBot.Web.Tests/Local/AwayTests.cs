using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Stories;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>
/// `me away` with dates and `me quiet` through the real host on the local channel: the cadence runs as its job runs it
/// (here directly, ticked with the fake clock), and the outbox's sweep delivers what quiet hours held.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class AwayTests : IAsyncLifetime
{
    readonly FakeTimeProvider clock = new(BotApplication.Thursday); // Thu 26 Nov 2026, 15:00 UTC; the team's zone is UTC
    readonly BotApplication app;

    public AwayTests() => app = new(BotApplication.NewDataDirectory(), clock);

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "channel leadership");
        await app.SayAsync("ana", "role @tom executive");
        await app.SayAsync("ana", "role @maria executive");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<int> RunAsync(string kind) => app.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(kind, CancellationToken.None));

    Task<int> SweepAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(100, CancellationToken.None));

    /// <summary>The nudges claimed for commitment C-<paramref name="id"/>, oldest first.</summary>
    Task<List<OutboundMessage>> NudgesAsync(int id) => app.WithDbAsync(db => db.OutboundMessages
        .Where(o => o.Kind == CadenceKinds.Nudges && o.IdempotencyKey!.StartsWith($"nudges:{id}:")).OrderBy(o => o.Id).ToListAsync());

    void At(int year, int month, int day, int hour, int minute = 0) => clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    /// <summary>
    /// At 20:00 UTC on Wed 10 Mar 2027 it is still the 10th in New York but already the 11th in Tokyo, so the same
    /// words name different days. Both are back on Sunday the 14th, each from their own midnight; New York moves to
    /// summer time that night, so tom's first nudge back comes at 09:00 EDT, 13:00 UTC.
    /// </summary>
    [Fact]
    public async Task AwayUntil_IsInEachMembersOwnZone_NoNudgesThroughTheDayBefore_BackByItselfOnTheDay_AcrossDst()
    {
        At(2027, 3, 10, 20);
        await app.SayAsync("tom", "me tz:America/New_York");
        await app.SayAsync("maria", "me tz:Asia/Tokyo");
        await app.SayAsync("tom", "commit Call back every lost clinic due:tomorrow");
        await app.SayAsync("maria", "commit Rewrite the renewal letter due:tomorrow");

        var tom = await app.SayAsync("tom", "me away until:sunday");
        var maria = await app.SayAsync("maria", "me away until:mar 14");
        Assert.Contains("no nudges or prompts through Sat 13 Mar 2027; back on Sun 14 Mar 2027 by itself", tom.Text);
        Assert.Contains("no nudges or prompts through Sat 13 Mar 2027; back on Sun 14 Mar 2027 by itself", maria.Text);
        var (tomFrom, mariaFrom) = await app.WithDbAsync(async db => (
            (await db.Members.SingleAsync(m => m.PlatformUserId == "tom")).AwayFrom,
            (await db.Members.SingleAsync(m => m.PlatformUserId == "maria")).AwayFrom));
        Assert.Equal((new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 11)), (tomFrom, mariaFrom));
        var roster = await app.SayAsync("ana", "role");
        Assert.Contains("tom (away until Sun 14 Mar 2027)", roster.Text);
        Assert.Contains("maria (away until Sun 14 Mar 2027)", roster.Text);

        for (var tick = new DateTimeOffset(2027, 3, 10, 21, 0, 0, TimeSpan.Zero); tick < new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.Zero);
             tick = tick.AddHours(1))
        {
            clock.SetUtcNow(tick);
            await RunAsync(CadenceKinds.Nudges);
        }

        Assert.Equal([new DateTime(2027, 3, 14, 13, 0, 0, DateTimeKind.Utc)], (await NudgesAsync(1)).Select(n => n.CreatedAt));
        Assert.Equal([new DateTime(2027, 3, 14, 0, 0, 0, DateTimeKind.Utc)], (await NudgesAsync(2)).Select(n => n.CreatedAt));
        Assert.DoesNotContain("away", (await app.SayAsync("ana", "role")).Text);
        Assert.Contains("Status: here", (await app.SayAsync("tom", "me")).Text);
    }

    [Fact]
    public async Task AwayWithoutDates_LastsUntilMeBack_AndAFutureFrom_KeepsNudgesComingUntilThen()
    {
        await app.SayAsync("tom", "commit Fix the onboarding email due:friday");
        await app.SayAsync("maria", "commit Call ACME due:friday");
        Assert.Contains("away: no nudges or prompts until you say `me back`", (await app.SayAsync("tom", "me away")).Text);
        Assert.Contains("here; away from Tue 1 Dec 2026 through Wed 2 Dec 2026; back on Thu 3 Dec 2026 by itself",
            (await app.SayAsync("maria", "me away from:dec 1 until:dec 3")).Text);
        Assert.Contains("maria (away from Tue 1 Dec 2026 until Thu 3 Dec 2026)", (await app.SayAsync("ana", "role")).Text);

        At(2026, 11, 30, 9);
        Assert.Equal(1, await RunAsync(CadenceKinds.Nudges)); // maria, not yet away; tom, away
        Assert.Single(await NudgesAsync(2));
        At(2026, 12, 1, 9);
        Assert.Equal(0, await RunAsync(CadenceKinds.Nudges));
        At(2026, 12, 3, 9);
        Assert.Equal(1, await RunAsync(CadenceKinds.Nudges)); // maria is back by herself
        Assert.Empty(await NudgesAsync(1));

        Assert.Contains("Status: here", (await app.SayAsync("tom", "me back")).Text);
        At(2026, 12, 3, 9, 15);
        Assert.Equal(1, await RunAsync(CadenceKinds.Nudges));
        Assert.Single(await NudgesAsync(1));
    }

    [Fact]
    public async Task AnAwayOwnersOverdueCommitment_IsNotEscalated_AndTheReviewShowsOwnerAway()
    {
        await app.SayAsync("tom", "commit Fix the onboarding email due:friday");
        await app.SayAsync("maria", "commit Call ACME due:friday");
        await app.SayAsync("tom", "me away until:dec 10");

        At(2026, 12, 7, 9, 30); // Monday: both ten days overdue, past the 7 days after which they are escalated
        await RunAsync(CadenceKinds.Escalation);
        var raised = await app.WithDbAsync(db => db.OutboundMessages.Where(o => o.Kind == CadenceKinds.Escalation)
            .Select(o => o.IdempotencyKey!).ToListAsync());
        Assert.StartsWith("escalation:2:", Assert.Single(raised));

        await RunAsync(CadenceKinds.Review);
        var review = await Eventually.Async(async () => (await app.TranscriptAsync("leadership")).LastOrDefault(i => i.Text.Contains("Overdue commitments")),
            what: "the review");
        var lines = review.Text.Split('\n');
        Assert.Contains(lines, l => l.Contains("C-1 Fix the onboarding email — @tom · owner away until Thu 10 Dec 2026 · 10 days overdue")
            && !l.Contains("🔺"));
        Assert.Contains(lines, l => l.Contains("🔺 C-2 Call ACME — @maria · 10 days overdue"));
        Assert.Contains("🔺 1 commitment overdue by more than 7 days", review.Text);

        At(2026, 12, 10, 9, 30); // tom is back: his is raised like any other
        await RunAsync(CadenceKinds.Escalation);
        Assert.Contains(await app.WithDbAsync(db => db.OutboundMessages.Where(o => o.Kind == CadenceKinds.Escalation)
            .Select(o => o.IdempotencyKey!).ToListAsync()), k => k.StartsWith("escalation:1:"));
    }

    /// <summary>
    /// Quiet until 12:30 in Paris: the 09:00 nudge (whose morning window closes at 12:00) is held, not sent early and not
    /// dropped as stale, and goes out once when the quiet hours end.
    /// </summary>
    [Fact]
    public async Task QuietHours_HoldTheMorningNudgeUntilTheyEnd_ThenDeliverItOnce_NeverDroppedAsStale()
    {
        await app.SayAsync("tom", "me tz:Europe/Paris");
        Assert.Contains("19:00–12:30 your time", (await app.SayAsync("tom", "me quiet 7pm-12:30")).Text);
        await app.SayAsync("tom", "commit Fix the onboarding email due:friday");

        At(2026, 11, 27, 8); // 09:00 in Paris
        Assert.Equal(1, await RunAsync(CadenceKinds.Nudges));
        var held = Assert.Single(await NudgesAsync(1));
        // Stale three hours after it may go, as it would have been three hours after 09:00: 12:30 + 3 h in Paris.
        Assert.Equal((new DateTime(2026, 11, 27, 11, 30, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 14, 30, 0, DateTimeKind.Utc)),
            (held.NotBefore, held.NotAfter));
        Assert.Null(held.SentAt);

        At(2026, 11, 27, 11, 15); // the morning window has closed; still quiet
        Assert.Equal(0, await RunAsync(CadenceKinds.Nudges));
        await SweepAsync();
        Assert.Null((await NudgesAsync(1)).Single().SentAt);

        At(2026, 11, 27, 11, 30);
        await SweepAsync();
        var sent = await Eventually.Async(async () => (await NudgesAsync(1)).SingleOrDefault(n => n.SentAt != null), what: "the held nudge");
        Assert.Null(sent.DroppedAt);
        await SweepAsync();
        Assert.Single(await app.TranscriptAsync("dm:tom"), i => i.Text.Contains("C-1"));

        Assert.Contains("Quiet hours: none", (await app.SayAsync("tom", "me quiet off")).Text);
        At(2026, 11, 28, 8);
        await RunAsync(CadenceKinds.Nudges);
        Assert.NotNull((await NudgesAsync(1)).Last().SentAt);
    }

    [Fact]
    public async Task TheWeeklyQuestion_SkipsAnAwayExecutive_AndWaitsOutAnotherOnesQuietHours()
    {
        await app.SayAsync("tom", "me away until:dec 1");
        await app.SayAsync("maria", "me quiet 13:00-15:30");

        At(2026, 11, 27, 14); // Friday 14:00, the question's time
        Assert.Equal(1, await RunAsync(CadenceKinds.Prompts));
        var asked = Assert.Single(await app.WithDbAsync(db => db.OutboundMessages.Where(o => o.Kind == CadenceKinds.Prompts).ToListAsync()));
        Assert.Equal(("@maria", new DateTime(2026, 11, 27, 15, 30, 0, DateTimeKind.Utc)), (asked.ConversationId, asked.NotBefore));
        Assert.Null(asked.SentAt);

        At(2026, 11, 27, 15, 30);
        await SweepAsync();
        Assert.Single(await Eventually.Async(async () => (await app.TranscriptAsync("dm:maria")) is { Count: > 0 } dms ? dms : null, what: "the question"));
        Assert.Empty(await app.TranscriptAsync("dm:tom"));
    }

    /// <summary>
    /// Both DMs to tom come due while he is quiet; by the time his quiet hours end he has gone away. The weekly question is
    /// about its week, so it is dropped (as if planned while he was away); the story of a customer he lost is worth telling
    /// whenever he is back, so it waits for that day.
    /// </summary>
    [Fact]
    public async Task AtDelivery_AnAwayMembersQuestionIsDropped_AndTheStoryHeIsAskedForWaitsUntilHeIsBack()
    {
        await app.SayAsync("tom", "me quiet 13:00-15:30");
        await app.SayAsync("ana", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\"");
        await app.WithDbAsync(async db =>
        {
            (await db.Customers.SingleAsync()).AccountOwnerId = (await db.Members.SingleAsync(m => m.PlatformUserId == "tom")).Id;
            return await db.SaveChangesAsync();
        });

        At(2026, 11, 27, 14); // Friday 14:00, the question's time
        Assert.Equal(2, await RunAsync(CadenceKinds.Prompts));
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<StoryPrompts>().SendAsync(CancellationToken.None)));
        Assert.Contains("no nudges or prompts through Mon 30 Nov 2026", (await app.SayAsync("tom", "me away until:dec 1")).Text);

        At(2026, 11, 27, 15, 30);
        await SweepAsync();
        var toTom = await app.WithDbAsync(db => db.OutboundMessages.Where(o => o.ConversationId == "@tom").OrderBy(o => o.Id).ToListAsync());
        var endOfQuiet = new DateTime(2026, 11, 27, 15, 30, 0, DateTimeKind.Utc);
        Assert.Equal([(CadenceKinds.Prompts, endOfQuiet, endOfQuiet), (StoryPrompts.Kind, null, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc))],
            toTom.Select(o => (o.Kind, o.DroppedAt, o.NotBefore)));
        Assert.Empty(await app.TranscriptAsync("dm:tom"));

        At(2026, 12, 1, 0);
        await SweepAsync();
        var story = Assert.Single(await Eventually.Async(async () => (await app.TranscriptAsync("dm:tom")) is { Count: > 0 } dms ? dms : null,
            what: "the story prompt"));
        Assert.Contains("ACME Dental left on", story.Text);
    }

    [Theory]
    [InlineData("me away until:2026-11-20", "until: 2026-11-20 is in the past")]
    [InlineData("me away from:2026-11-25", "from: 2026-11-25 is in the past")]
    [InlineData("me away from:dec 5 until:dec 1", "until: Tue 1 Dec 2026 must come after from: Sat 5 Dec 2026")]
    [InlineData("me away until:today", "so it must be after today (Thu 26 Nov 2026)")]
    [InlineData("me back until:dec 28", "Dates go with away")]
    [InlineData("me quiet 25:00-08:00", "25:00 isn't a real time")]
    [InlineData("me quiet 19:00", "Quiet hours need an end as well as a start")]
    [InlineData("me quiet 19:00-19:00", "would be no time at all")]
    [InlineData("me quiet", "Which quiet hours?")]
    public async Task BadAwayOrQuietInput_IsRefusedWithTheReason_AndChangesNothing(string command, string reason)
    {
        await app.SayAsync("tom", "me away until:dec 10");
        await app.SayAsync("tom", "me quiet 22:00-07:00");

        Assert.Contains(reason, (await app.SayAsync("tom", command)).Text);

        var tom = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "tom"));
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 10), new TimeOnly(22, 0), new TimeOnly(7, 0)),
            (tom.AwayFrom, tom.AwayUntil, tom.QuietFrom, tom.QuietUntil));
    }
}
