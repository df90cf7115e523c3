using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>
/// On time or late is judged against the due date first promised: a small history through the engine on the local
/// channel, counted by hand (Q4 2026, the team and li in UTC).
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class ScoreboardMovedDatesTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task OnAsync(int day, string text)
    {
        if (app.Clock.GetUtcNow().Day != day) app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, 12, 0, 0, TimeSpan.Zero));
        Assert.Contains("✅", (await app.SayAsync("li", text)).Text);
    }

    /// <summary>
    /// Every commitment was first due Fri 4 Dec. Kept on time: C-1 (done the 3rd) and C-2 (moved to the 11th, done the 4th
    /// anyway). Kept late: C-3 (moved to the 11th, done the 8th: on time by the moved date, late by the promise), C-4 (moved to
    /// the 7th, done the 9th) and C-5 (not moved, done the 5th): 3, 2 of them with the date moved. Overdue on the 10th: C-6
    /// (moved to the 7th), not C-7 (moved to the 20th). Dropped: C-8.
    /// </summary>
    [Fact]
    public async Task KeptLate_IsJudgedByTheDateFirstPromised_AndSaysHowManyHadTheirDateMoved()
    {
        await app.SayAsync("ana", "role @li executive");
        for (var i = 1; i <= 8; i++) Assert.Contains($"C-{i}", (await app.SayAsync("li", $"commit Promise {i} due:2026-12-04")).Text);
        foreach (var (id, to) in new[] { (2, 11), (3, 11), (4, 7), (6, 7), (7, 20) })
            Assert.Contains("✅", (await app.SayAsync("li", $"update C-{id} on-track due:2026-12-{to:00}")).Text);

        await OnAsync(3, "done C-1");
        await OnAsync(4, "done C-2");
        await OnAsync(5, "done C-5");
        await OnAsync(6, "update C-8 dropped \"no longer needed\"");
        await OnAsync(8, "done C-3");
        await OnAsync(9, "done C-4");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero));

        var mine = (await app.SayAsync("li", "mine")).Text;
        Assert.Contains("commitments: 2 kept on time, 3 kept late (2 with the date moved), 1 overdue, 1 dropped", mine);
        var everyone = (await app.SayAsync("ana", "scoreboard")).Text;
        Assert.Contains("@li — commitments: 2 kept on time, 3 kept late (2 with the date moved), 1 overdue, 1 dropped", everyone);
        Assert.Contains("Kept late: done after the due date first promised", everyone);
    }
}
