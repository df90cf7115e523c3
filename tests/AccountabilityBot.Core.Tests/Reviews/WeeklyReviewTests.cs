using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Core.Tests.Reviews;

public sealed class WeeklyReviewTests : IDisposable
{
    // Monday 23 Nov 2026, 08:00 in New York: the review covers 16–22 Nov.
    static readonly DateTimeOffset PostedAt = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
    readonly TestDatabase database = new();
    readonly FakeTimeProvider clock = new(PostedAt);

    public WeeklyReviewTests()
    {
        using var db = database.NewContext();
        var seed = new ReviewSeed(db);
        seed.Story(seed.Event(CustomerEventKind.Lost, "Acme", new DateOnly(2026, 11, 18), 36_000m, "Fees"), "Acme left.");
        seed.Story(seed.Event(CustomerEventKind.Lost, "Globex", new DateOnly(2026, 11, 20), 12_000m, "Support"), "Globex left.");
        db.CadenceSettings.Add(new CadenceSetting { Kind = CadenceKinds.Review, Days = "mon", LocalTime = new TimeOnly(8, 0), TimeZone = "America/New_York" });
        db.SaveChanges();
    }

    public void Dispose() => database.Dispose();

    async Task<ChatMessage> RunAsync(Func<WeeklyReview, Task<ChatMessage>> action, TimeProvider? at = null)
    {
        await using var db = database.NewContext();
        return await action(new WeeklyReview(new ReviewLoader(db), db, at ?? clock, new BotSettings()));
    }

    static string Render(ChatMessage m) => PlainTextRenderer.Render(m);

    async Task<Dictionary<string, DateTime?>> ToldAtAsync()
    {
        await using var db = database.NewContext();
        return await db.LostStories.Include(s => s.Event).ThenInclude(e => e.Customer).ToDictionaryAsync(s => s.Event.Customer.Name, s => s.ToldAt);
    }

    [Fact]
    public async Task PreviewAsync_AnyNumberOfTimes_TellsNothing()
    {
        var first = await RunAsync(r => r.PreviewAsync(default));
        var second = await RunAsync(r => r.PreviewAsync(default));

        Assert.Contains("Customer: Acme", Render(first));
        Assert.Equal(Render(first), Render(second));
        Assert.All((await ToldAtAsync()).Values, Assert.Null);
    }

    [Fact]
    public async Task ComposeForPostingAsync_MarksStoryToldAndNextPostingTellsTheNext()
    {
        var posted = await RunAsync(r => r.ComposeForPostingAsync(default));

        Assert.StartsWith("Weekly customer review — week of 16–22 Nov 2026\n", Render(posted));
        Assert.Contains("Customer: Acme", Render(posted));
        Assert.Equal(PostedAt.UtcDateTime, (await ToldAtAsync())["Acme"]);

        clock.Advance(TimeSpan.FromDays(7));
        var next = await RunAsync(r => r.ComposeForPostingAsync(default));

        Assert.StartsWith("Weekly customer review — week of 23–29 Nov 2026\n", Render(next));
        Assert.Contains("Customer: Globex", Render(next));
        Assert.NotNull((await ToldAtAsync())["Globex"]);
    }

    [Fact]
    public async Task PreviewAsync_ReviewZoneStillOnSunday_CoversThePreviousWeek()
    {
        // 03:00 UTC on Monday is still Sunday evening in New York.
        var sundayEvening = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

        var preview = await RunAsync(r => r.PreviewAsync(default), sundayEvening);

        Assert.StartsWith("Weekly customer review — week of 15–21 Nov 2026\n", Render(preview));
    }

    [Fact]
    public async Task PreviewAsync_CadenceZoneUnknown_FallsBackToDefaultZone()
    {
        await using (var db = database.NewContext())
        {
            (await db.CadenceSettings.SingleAsync()).TimeZone = "Mars/Olympus_Mons";
            await db.SaveChangesAsync();
        }
        // 16:00 UTC on Sunday is already Monday 01:00 in Tokyo.
        var sundayInUtc = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero));

        await using var context = database.NewContext();
        var review = new WeeklyReview(new ReviewLoader(context), context, sundayInUtc, new BotSettings { DefaultTimeZone = "Asia/Tokyo" });

        Assert.StartsWith("Weekly customer review — week of 16–22 Nov 2026\n", Render(await review.PreviewAsync(default)));
    }

    [Fact]
    public async Task ReviewHandler_Review_ReturnsThePreview()
    {
        await using var db = database.NewContext();
        var handler = new ReviewHandler(new WeeklyReview(new ReviewLoader(db), db, clock, new BotSettings()));
        var cco = new Member { PlatformUserId = "U1", DisplayName = "Cleo", Role = Role.Cco };
        var ctx = new CommandContext(cco, ChatPlatform.Local, "c1", new DateOnly(2026, 11, 23), TimeZoneInfo.Utc, PostedAt.UtcDateTime);

        var reply = await handler.HandleAsync(new ReviewCommand(), ctx, default);

        Assert.Contains("Customer: Acme", Render(reply));
        Assert.All((await ToldAtAsync()).Values, Assert.Null);
    }
}
