using System.Security.Cryptography;
using System.Text;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Demo;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Core.Tests.Demo;

public sealed class DemoDataTests : IDisposable
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Today = DateOnly.FromDateTime(Monday.UtcDateTime);
    // Days 1..6 ago are in "the last 7 days" under any reasonable bound of the week.
    static readonly DateOnly WeekStart = Today.AddDays(-6);

    readonly TestDatabase database = new();
    readonly FakeTimeProvider clock = new(Monday);

    public void Dispose() => database.Dispose();

    async Task<bool> SeedAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        return await new DemoData(db, clock).SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_CreatesTheCastInTheirRoles()
    {
        Assert.True(await SeedAsync(database));

        await using var db = database.NewContext();
        var members = await db.Members.ToListAsync();
        Assert.Equal(12, members.Count);
        Assert.All(members, m => Assert.Equal(ChatPlatform.Local, m.Platform));
        Assert.Equal("ana", Assert.Single(members, m => m.Role == Role.Cco).PlatformUserId);
        Assert.Equal(["li", "maria", "priya", "sam", "tom"], members.Where(m => m.Role == Role.Executive).Select(m => m.PlatformUserId).Order());
        Assert.Equal(6, members.Count(m => m.Role == Role.Frontline));
        Assert.Equal("ana@example.com", members.Single(m => m.PlatformUserId == "ana").Email);
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_CreatesCustomersAndAQuarterOfEvents()
    {
        await SeedAsync(database);

        await using var db = database.NewContext();
        Assert.Equal(4, await db.CustomerGroups.CountAsync());
        Assert.Equal(100, await db.Customers.CountAsync());
        Assert.Equal(100, await db.Customers.Select(c => c.Name).Distinct().CountAsync());
        var events = await db.CustomerEvents.ToListAsync();
        Assert.Equal(40, events.Count(e => e.Kind == CustomerEventKind.Won));
        Assert.Equal(18, events.Count(e => e.Kind == CustomerEventKind.Lost));
        Assert.Equal(30, events.Count(e => e.Kind == CustomerEventKind.Renewed));
        Assert.All(events.Where(e => e.Kind == CustomerEventKind.Referral), e => Assert.False(string.IsNullOrEmpty(e.ReferredBy)));
        Assert.All(events, e => Assert.InRange(e.OccurredOn, Today.AddDays(-91), Today));
        Assert.All(events, e => Assert.True(e.AnnualValue is >= 6_000 and <= 120_000 && e.AnnualValue % 100 == 0, $"{e.AnnualValue}"));
        Assert.All(events.Where(e => e.Kind is CustomerEventKind.Lost or CustomerEventKind.Renewed), e => Assert.NotNull(e.Reason));
        Assert.True(events.Count(e => e.Kind == CustomerEventKind.Lost && e.OccurredOn >= WeekStart && e.OccurredOn < Today) >= 2);
        Assert.True(events.Count(e => e.Kind == CustomerEventKind.Won && e.OccurredOn >= WeekStart && e.OccurredOn < Today) >= 3);
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_TellsNoStoryYetAndOnlyAboutRecentLosses()
    {
        await SeedAsync(database);

        await using var db = database.NewContext();
        var stories = await db.LostStories.Include(s => s.Event).ThenInclude(e => e.Customer).ToListAsync();
        Assert.Equal(5, stories.Count);
        Assert.All(stories, s =>
        {
            Assert.Null(s.ToldAt);
            Assert.Equal(CustomerEventKind.Lost, s.Event.Kind);
            Assert.True(s.Event.OccurredOn >= Today.AddDays(-60));
            Assert.Contains(s.Event.Customer.Name, s.Narrative);
        });
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_CreatesCommitmentsWithThreeOverdue()
    {
        await SeedAsync(database);

        await using var db = database.NewContext();
        var commitments = await db.Commitments.Include(c => c.Owner).Include(c => c.Updates).ToListAsync();
        Assert.Equal(8, commitments.Count);
        Assert.All(commitments, c => Assert.Equal(Role.Executive, c.Owner.Role));
        Assert.All(commitments, c => Assert.InRange(c.Updates.Count, 1, 2));
        var overdue = commitments.Where(c => c.IsOverdue(Today)).ToList();
        Assert.Equal(3, overdue.Count);
        Assert.Contains(overdue, c => c.DaysOverdue(Today) > 7);
        Assert.Single(commitments, c => c.Status == CommitmentStatus.AtRisk);
        Assert.Single(commitments, c => c.Status == CommitmentStatus.Blocked);
        Assert.Single(commitments, c => c.Status == CommitmentStatus.Done);
        var storyIds = await db.LostStories.Select(s => Refs.Of(Refs.LostStory, s.Id)).ToListAsync();
        Assert.Contains(commitments, c => c.PromptedBy is { } p && storyIds.Contains(p));
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_CreatesStopListDecisionsResolutionsAndPrompts()
    {
        await SeedAsync(database);

        await using var db = database.NewContext();
        var stops = await db.StopItems.ToListAsync();
        Assert.Equal(2, stops.Count(s => s.Status == StopItemStatus.Proposed));
        Assert.Equal(2, stops.Count(s => s.Status == StopItemStatus.Agreed));
        Assert.Equal(1, stops.Count(s => s.Status == StopItemStatus.KeptStopped));
        Assert.Single(stops, s => s.IsDueForReview(Today));
        Assert.All(stops, s => Assert.NotNull(s.OwnerId));

        var decisions = await db.Decisions.ToListAsync();
        Assert.Equal(6, decisions.Count);
        Assert.True(decisions.Count(d => d.DecidedAt >= Monday.UtcDateTime.AddDays(-7)) >= 2);

        var resolutions = await db.Resolutions.ToListAsync();
        Assert.Equal(DemoResolutions.Count, resolutions.Count);
        // The frontline pattern: the carrier's wrong addresses, six times at Delivery in the last two weeks.
        Assert.Equal(6, resolutions.Count(r =>
            r.What.Contains("wrong address", StringComparison.OrdinalIgnoreCase) && r.At >= Monday.UtcDateTime.AddDays(-14)));
        Assert.True(resolutions.Count(r => DateOnly.FromDateTime(r.At) >= WeekStart && DateOnly.FromDateTime(r.At) < Today) >= 5);
        Assert.All(resolutions, r => Assert.InRange(r.Cost ?? 0, 0, 150));

        var prompts = await db.Prompts.ToListAsync();
        Assert.Equal(3, prompts.Count);
        Assert.Equal(2, prompts.Count(p => p.Answer is not null));
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_SetsStagesCadenceChannelsAndAudit()
    {
        await SeedAsync(database);

        await using var db = database.NewContext();
        Assert.Equal(JourneyStage.Defaults, await db.JourneyStages.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync());
        var cadence = await db.CadenceSettings.SingleAsync();
        Assert.Equal(("review", "mon", new TimeOnly(8, 0), "America/New_York"), (cadence.Kind, cadence.Days, cadence.LocalTime, cadence.TimeZone));
        var ccoId = await db.Members.Where(m => m.PlatformUserId == "ana").Select(m => m.Id).SingleAsync();
        var bindings = await db.ChannelBindings.OrderBy(b => b.Id).ToListAsync();
        Assert.Equal([("leadership", ChannelPurpose.Leadership), ("frontline", ChannelPurpose.Frontline)],
            bindings.Select(b => (b.ConversationId, b.Purpose)));
        Assert.All(bindings, b => Assert.Equal(ccoId, b.BoundById));
        Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "demo.seeded"));
        Assert.True(await TeamSettings.IsOnAsync(db, TeamSettings.ScoreboardShared, CancellationToken.None));
    }

    [Fact]
    public async Task SeedAsync_StagesAlreadyPresent_KeepsThemWithoutDuplicates()
    {
        await using (var db = database.NewContext())
        {
            db.JourneyStages.AddRange(new JourneyStage { Name = "Discover", Position = 1 }, new JourneyStage { Name = "Use", Position = 2 });
            await db.SaveChangesAsync();
        }

        Assert.True(await SeedAsync(database));

        await using var check = database.NewContext();
        Assert.Equal(["Discover", "Use"], await check.JourneyStages.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync());
    }

    [Fact]
    public async Task SeedAsync_Twice_SecondIsANoOp()
    {
        await SeedAsync(database);
        var before = await CountsAsync(database);

        Assert.False(await SeedAsync(database));

        Assert.Equal(before, await CountsAsync(database));
    }

    [Fact]
    public async Task SeedAsync_AnyMemberExists_ReturnsFalseAndAddsNothing()
    {
        await using (var db = database.NewContext())
        {
            db.Members.Add(new Member { PlatformUserId = "zoe", DisplayName = "Zoe", Role = Role.Cco });
            await db.SaveChangesAsync();
        }

        Assert.False(await SeedAsync(database));

        await using var check = database.NewContext();
        Assert.Equal(1, await check.Members.CountAsync());
        Assert.Equal(0, await check.Customers.CountAsync());
        Assert.Equal(0, await check.JourneyStages.CountAsync());
    }

    [Fact]
    public async Task SeedAsync_SameClockOnTwoDatabases_GivesTheSameData()
    {
        using var other = new TestDatabase();
        await SeedAsync(database);
        await SeedAsync(other);

        Assert.Equal(await DigestAsync(database), await DigestAsync(other));
    }

    static async Task<string> CountsAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        return string.Join(",",
            await db.Members.CountAsync(), await db.Customers.CountAsync(), await db.CustomerEvents.CountAsync(),
            await db.LostStories.CountAsync(), await db.Commitments.CountAsync(), await db.CommitmentUpdates.CountAsync(),
            await db.StopItems.CountAsync(), await db.Decisions.CountAsync(), await db.Resolutions.CountAsync(),
            await db.Prompts.CountAsync(), await db.JourneyStages.CountAsync(), await db.CadenceSettings.CountAsync(),
            await db.ChannelBindings.CountAsync(), await db.AuditTrail.CountAsync());
    }

    static async Task<string> DigestAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        var rows = await db.CustomerEvents
            .Select(e => new { e.Customer.Name, Group = e.Customer.Group!.Name, e.Kind, e.OccurredOn, e.AnnualValue, e.Reason, e.ReferredBy })
            .ToListAsync();
        var text = string.Join("\n", rows
            .Select(r => $"{r.Name}|{r.Group}|{r.Kind}|{r.OccurredOn:O}|{r.AnnualValue}|{r.Reason}|{r.ReferredBy}")
            .Concat(await db.Customers.Select(c => c.Name).ToListAsync())
            .Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
