using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Cadence;

public sealed class NudgePostsTests
{
    static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata"];

    /// <summary>
    /// Four owners, one per zone, each with a commitment due Mon 26 Oct 2026, ticked every 15 minutes from Fri 23 Oct to
    /// Wed 28 Oct (Berlin leaves summer time on the 25th): one DM per owner per local day, each at their 09:00.
    /// </summary>
    [Fact]
    public async Task Nudges_TickedAcrossDst_OnePerOwnerPerLocalDayAtTheirNine()
    {
        using var h = new CoreHarness(now: new DateTimeOffset(2026, 10, 22, 12, 0, 0, TimeSpan.Zero));
        await h.SayAsync("ana", "help");
        for (var i = 0; i < Zones.Length; i++)
        {
            await h.SayAsync("ana", $"role @owner{i} executive");
            await h.SayAsync($"owner{i}", $"me tz:{Zones[i]}");
            await h.SayAsync($"owner{i}", $"commit Call back every lost clinic {i} due:2026-10-26");
        }
        await h.EnsureCadenceAsync();

        var until = new DateTimeOffset(2026, 10, 28, 0, 0, 0, TimeSpan.Zero);
        for (var tick = new DateTimeOffset(2026, 10, 23, 0, 0, 0, TimeSpan.Zero); tick < until; tick = tick.AddMinutes(15))
        {
            h.Clock.SetUtcNow(tick);
            await h.RunCadenceAsync("nudges");
        }

        await using var db = h.Db();
        var nudges = await db.OutboundMessages.Where(o => o.Kind == "nudges").ToListAsync();
        for (var i = 0; i < Zones.Length; i++)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[i]);
            var mine = nudges.Where(n => n.ConversationId == $"dm:owner{i}")
                .Select(n => TimeZoneInfo.ConvertTimeFromUtc(n.CreatedAt, zone)).OrderBy(t => t).ToList();
            Assert.All(mine, local => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(local)));
            var days = mine.Select(DateOnly.FromDateTime).ToList();
            Assert.Equal(days.Distinct().Count(), days.Count); // at most one a day
            // Due the 26th: nudged from two days before, on the day, and while overdue, every local morning in range.
            Assert.Contains(new DateOnly(2026, 10, 24), days);
            Assert.Contains(new DateOnly(2026, 10, 26), days);
            Assert.Contains(new DateOnly(2026, 10, 27), days);
            Assert.DoesNotContain(new DateOnly(2026, 10, 23), days);
        }
    }

    [Fact]
    public async Task Nudges_NotWhileAway_NorOnceUpdatedThatDay()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.EnsureCadenceAsync();
        await h.SayAsync("maria", "commit Fix onboarding owner:@tom due:2026-11-27");
        await h.SayAsync("maria", "commit Call ACME due:2026-11-27");
        await h.SayAsync("maria", "me away");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await h.SayAsync("tom", "update C-1 at-risk \"vendor late\"");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await h.RunCadenceAsync("nudges"));

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero)); // next morning, tom is overdue
        Assert.Equal(1, await h.RunCadenceAsync("nudges"));
        var nudge = Assert.Single(h.Sent.Posts);
        Assert.Equal("dm:tom", nudge.Conversation);
        Assert.Contains("1 day overdue", nudge.Message.FallbackText);
        var note = nudge.Message.Blocks.OfType<AccountabilityBot.Core.Messaging.ActionsBlock>().Single().Buttons.Single(b => b.AskFor is not null);
        Assert.Equal("update C-1 at-risk \"{answer}\"", note.Command);
    }
}
