using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Tests.Support;
using static AccountabilityBot.Core.Domain.CustomerEventKind;

namespace AccountabilityBot.Core.Tests.Reviews;

/// <summary>
/// Read on Monday 5 Oct 2026: the week is Mon 28 Sep – Sun 4 Oct, and straddles the quarter boundary,
/// so Q4 to date is only Thu 1 – Sun 4 Oct.
/// </summary>
public sealed partial class ReviewLoaderTests : IDisposable
{
    static readonly DateOnly Today = new(2026, 10, 5);
    readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    static DateOnly Oct(int day) => new(2026, 10, day);
    static DateOnly Sep(int day) => new(2026, 9, day);
    static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    async Task<ReviewSnapshot> LoadAsync(ReviewPeriod? period = null)
    {
        await using var db = database.NewContext();
        return await new ReviewLoader(db).LoadAsync(period ?? ReviewPeriod.EndingYesterday(Today, TimeZoneInfo.Utc), default);
    }

    [Fact]
    public async Task LoadAsync_CustomerEvents_CountedOnlyInsideWeekAndQuarter()
    {
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            seed.Event(Won, "Last week Ltd", Sep(27), 99_999m);
            seed.Event(Won, "Monday Co", Sep(28), 10_000m, group: "Enterprise");
            seed.Event(Won, "October Co", Oct(2), 5_000.50m);
            seed.Event(Lost, "Pricey Inc", Sep(30), 36_000m, "Price");
            seed.Event(Lost, "Cheap Inc", Oct(4), 9_000m, "price ");
            seed.Event(Lost, "Slow Ltd", Oct(3), 12_000m, "Slow support");
            seed.Event(Lost, "Today Ltd", Oct(5), 50_000m, "Price");
            seed.Event(Renewed, "Loyal Co", Oct(1), 30_000m, "Great support", group: "Enterprise");
            seed.Event(Referral, "Friend Co", Sep(29), 8_000m, group: "SMB");
            await db.SaveChangesAsync();
        }

        var s = await LoadAsync();

        Assert.Equal(new Tally(2, 15_000.50m), s.Week.Won);
        Assert.Equal(new Tally(3, 57_000m), s.Week.Lost);
        Assert.Equal(new Tally(1, 30_000m), s.Week.Renewed);
        Assert.Equal(new Tally(1, 8_000m), s.Week.Referred);
        Assert.Equal([new ReasonTally("Price", 2, 45_000m), new ReasonTally("Slow support", 1, 12_000m)], s.Week.LostReasons.OrderBy(r => r.Reason));
        Assert.Equal([new ReasonTally("Great support", 1, 30_000m)], s.Week.RenewalReasons);
        Assert.Equal([new GroupTally("Enterprise", new Tally(1, 30_000m), Tally.None), new GroupTally("SMB", Tally.None, new Tally(1, 8_000m))],
            s.Week.Groups.OrderBy(g => g.Group));

        Assert.Equal(new Tally(1, 5_000.50m), s.Quarter.Won);
        Assert.Equal(new Tally(2, 21_000m), s.Quarter.Lost);
        Assert.Equal(new Tally(1, 30_000m), s.Quarter.Renewed);
        Assert.Equal(Tally.None, s.Quarter.Referred);
    }

    [Fact]
    public async Task LoadAsync_Commitments_OnlyOpenOnesPastDueAreOverdue()
    {
        int blockedId;
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            var ana = seed.Member("Ana");
            var onboard = seed.Stage("Onboard", 3);
            seed.Commitment("Due yesterday", ana, Oct(4), CommitmentStatus.OnTrack);
            seed.Commitment("Due today", ana, Oct(5), CommitmentStatus.AtRisk);
            seed.Commitment("Done late", ana, Sep(1), CommitmentStatus.Done);
            seed.Commitment("Dropped", ana, Sep(1), CommitmentStatus.Dropped);
            var blocked = seed.Commitment("Blocked for weeks", ana, Sep(20), CommitmentStatus.Blocked, onboard);
            await db.SaveChangesAsync();
            blockedId = blocked.Id;
        }

        var s = await LoadAsync();

        Assert.Equal(["Blocked for weeks", "Due yesterday"], s.Overdue.Select(c => c.Title));
        Assert.Equal(
            new OverdueView(blockedId, "Blocked for weeks", new Person(ChatPlatform.Slack, "U-Ana", "Ana"), Sep(20), "Onboard", CommitmentStatus.Blocked),
            s.Overdue[0]);
    }

    [Fact]
    public async Task LoadAsync_StopItems_AgreedAndReachedAreDueProposedAwaitAgreement()
    {
        int dueId;
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            var ben = seed.Member("Ben");
            var dueToday = seed.Stop("Due today", StopItemStatus.Agreed, Oct(5), ben);
            seed.Stop("Due tomorrow", StopItemStatus.Agreed, Oct(6));
            seed.Stop("Reinstated", StopItemStatus.Reinstated, Oct(1));
            seed.Stop("Kept stopped", StopItemStatus.KeptStopped, Oct(1));
            seed.Stop("Proposed", StopItemStatus.Proposed, null);
            await db.SaveChangesAsync();
            dueId = dueToday.Id;
        }

        var s = await LoadAsync();

        var due = Assert.Single(s.StopsDue);
        Assert.Equal(new StopView(dueId, "Due today", new Person(ChatPlatform.Slack, "U-Ben", "Ben"), Oct(5)), due);
        Assert.Equal("Proposed", Assert.Single(s.StopsProposed).Title);
    }
}
