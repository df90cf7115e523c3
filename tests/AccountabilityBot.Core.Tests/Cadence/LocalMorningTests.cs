using AccountabilityBot.Core.Cadence.Posts;

namespace AccountabilityBot.Core.Tests.Cadence;

public sealed class LocalMorningTests
{
    static readonly IReadOnlySet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    /// <summary>Oct 2026 – Apr 2027 spans both DST changes in New York, Berlin and Sydney; Kolkata has none and a :30 offset.</summary>
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    public void Current_TickedEvery15MinutesAcrossDst_OpensOncePerLocalDayAtNine(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2027, 4, 10, 0, 0, 0, DateTimeKind.Utc);
        var firstTick = new Dictionary<DateOnly, DateTime>();
        for (var tick = start; tick < end; tick = tick.AddMinutes(15))
            if (LocalMorning.Current(zone, new TimeOnly(9, 0), tick, EveryDay) is { } morning)
                firstTick.TryAdd(morning.LocalDate, tick);

        // The simulation may start inside the first local morning; judge whole days only.
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, zone)).AddDays(1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(end, zone)).AddDays(-1);
        foreach (var (date, tick) in firstTick.Where(t => t.Key >= firstDay))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(tick, zone);
            Assert.Equal((date, new TimeOnly(9, 0)), (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
        }
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            Assert.True(firstTick.ContainsKey(day), $"no morning on {day} in {zoneId}");
    }

    [Fact]
    public void Current_AfterTheWindow_IsClosed_SoLateNudgesAreNotSent()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var at = new TimeOnly(9, 0);
        Assert.NotNull(LocalMorning.Current(berlin, at, new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc), EveryDay)); // 09:00 CET
        Assert.NotNull(LocalMorning.Current(berlin, at, new DateTime(2026, 11, 26, 10, 59, 0, DateTimeKind.Utc), EveryDay));
        Assert.Null(LocalMorning.Current(berlin, at, new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc), EveryDay));
        Assert.Null(LocalMorning.Current(berlin, at, new DateTime(2026, 11, 26, 7, 59, 0, DateTimeKind.Utc), EveryDay));
    }

    [Fact]
    public void Current_OnADayNotInTheCadence_IsClosed()
    {
        var utc = TimeZoneInfo.Utc;
        var thursday = new DateTime(2026, 11, 26, 9, 30, 0, DateTimeKind.Utc);
        Assert.Null(LocalMorning.Current(utc, new TimeOnly(9, 0), thursday, new HashSet<DayOfWeek> { DayOfWeek.Monday }));
        Assert.NotNull(LocalMorning.Current(utc, new TimeOnly(9, 0), thursday, new HashSet<DayOfWeek> { DayOfWeek.Thursday }));
    }
}
