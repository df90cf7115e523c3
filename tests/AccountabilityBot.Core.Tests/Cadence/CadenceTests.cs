using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Cadence;

public sealed class CadenceTests
{
    [Fact]
    public async Task CadenceSet_ByCco_StoresAndReschedules()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("ana", "cadence review mon 08:00 America/New_York");
        Assert.Contains("next Mon 30 Nov 08:00", reply);
        await using var db = h.Db();
        var s = await db.CadenceSettings.SingleAsync();
        Assert.Equal(("mon", new TimeOnly(8, 0), "America/New_York"), (s.Days, s.LocalTime, s.TimeZone));
        Assert.Equal("America/New_York", Assert.Single(h.Scheduler.Applied).Single().TimeZone);
    }

    [Fact]
    public async Task CadenceSet_ByExecutive_IsRefusedAndNothingRescheduled()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        Assert.Contains("Only the CCO", await h.SayAsync("maria", "cadence review mon 08:00"));
        Assert.Empty(h.Scheduler.Applied);
    }

    [Fact]
    public async Task CadenceSend_ByCco_QueuesTheJobNow_ButNotWhilePausedOrForOthers()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("ana", "cadence review mon 08:00 Europe/London");
        Assert.Contains("Only the CCO", await h.SayAsync("maria", "cadence review send"));
        Assert.Empty(h.Scheduler.RunNow);

        Assert.Contains("Sending review now", await h.SayAsync("ana", "cadence review send"));
        Assert.Equal(["review"], h.Scheduler.RunNow);

        await h.SayAsync("ana", "cadence review pause");
        Assert.Contains("cadence review resume", await h.SayAsync("ana", "cadence review send"));
        Assert.Equal(["review"], h.Scheduler.RunNow);
        await using var db = h.Db();
        Assert.Equal(1, await db.AuditTrail.CountAsync(a => a.Action == "cadence.sent"));
    }

    [Fact]
    public async Task CadencePause_RemovesFromScheduleButKeepsSetting()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("ana", "cadence review mon 08:00 Europe/London");
        Assert.Contains("paused", await h.SayAsync("ana", "cadence review pause"));
        Assert.True(h.Scheduler.Applied.Last().Single().IsPaused);
    }

    static CadenceSetting Daily(string time) =>
        new() { Kind = "review", Days = "daily", LocalTime = TimeOnly.Parse(time), TimeZone = "America/New_York" };

    [Fact]
    public void NextRun_InSpringForwardGap_RunsRightAfterTheGap()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 2027-03-14 02:30 does not exist in New York; clocks jump from 02:00 EST to 03:00 EDT (07:00 UTC).
        var next = CadenceSchedule.NextRun(Daily("02:30"), new DateTime(2027, 3, 14, 5, 0, 0, DateTimeKind.Utc), zone);
        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void NextRun_InAutumnRepeatedHour_RunsOnceAtFirstOccurrence()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 2026-11-01 01:30 happens twice: first at 05:30 UTC (EDT), again at 06:30 UTC (EST).
        var first = CadenceSchedule.NextRun(Daily("01:30"), new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), zone);
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), first);
        var after = CadenceSchedule.NextRun(Daily("01:30"), first, zone);
        Assert.Equal(new DateTime(2026, 11, 2, 6, 30, 0, DateTimeKind.Utc), after);
    }

    [Fact]
    public void Cron_UsesLocalTimeAndDays()
    {
        var s = new CadenceSetting { Kind = "review", Days = "mon,thu", LocalTime = new TimeOnly(8, 5), TimeZone = "UTC" };
        Assert.Equal("5 8 * * 1,4", CadenceSchedule.Cron(s));
    }
}
