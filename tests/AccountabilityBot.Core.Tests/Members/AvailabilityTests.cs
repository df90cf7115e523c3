using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;

namespace AccountabilityBot.Core.Tests.Members;

/// <summary>The one rule for away and quiet hours, at its edges: the day back, midnight, a quiet time skipped by summer time.</summary>
public sealed class AvailabilityTests
{
    static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    static Member Tom(string? zone = null, DateOnly? from = null, DateOnly? until = null, TimeOnly? quietFrom = null, TimeOnly? quietUntil = null) =>
        new()
        {
            PlatformUserId = "tom", DisplayName = "tom", TimeZone = zone, AwayFrom = from, AwayUntil = until, QuietFrom = quietFrom, QuietUntil = quietUntil,
        };

    static DateTime At(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(12, 19, false)] // the day before from:
    [InlineData(12, 20, true)]  // from: is a day away
    [InlineData(1, 2, true)]    // the last day away
    [InlineData(1, 3, false)]   // until: is the day back
    public void AwayOn_FromIsADayAway_UntilIsTheDayBack(int month, int day, bool away)
    {
        var tom = Tom(from: new DateOnly(2026, 12, 20), until: new DateOnly(2027, 1, 3));
        Assert.Equal(away, tom.IsAwayOn(new DateOnly(month == 12 ? 2026 : 2027, month, day)));
    }

    [Fact]
    public void AwayAt_TurnsOverAtTheMembersOwnMidnight_NotUtcs()
    {
        var tom = Tom("Pacific/Auckland", from: new DateOnly(2027, 1, 1), until: new DateOnly(2027, 1, 10)); // UTC+13 in January
        Assert.True(tom.IsAwayAt(At(1, 9, 10, 59), Utc));  // 23:59 on the 9th in Auckland
        Assert.False(tom.IsAwayAt(At(1, 9, 11, 0), Utc));  // midnight: the 10th, back, though still the 9th in UTC
        Assert.False(Tom(from: null).IsAwayAt(At(1, 9, 11), Utc));
        Assert.True(Tom(from: new DateOnly(2027, 1, 1)).IsAwayAt(At(6, 1, 0), Utc)); // no until: away until `me back`
    }

    [Theory]
    [InlineData(18, 59, 18, 59)] // 19:59 in Paris: sent when meant
    [InlineData(19, 0, 7 + 24, 0)] // 20:00–08:00 in Paris (UTC+1): held to 08:00 the next day, 07:00 UTC
    [InlineData(2, 0, 7, 0)]
    [InlineData(7, 0, 7, 0)]    // 08:00 in Paris: the end is not quiet
    public void QuietUntil_OvernightHours_HoldToTheirEndInTheMembersZone(int hour, int minute, int heldHour, int heldMinute)
    {
        var tom = Tom("Europe/Paris", quietFrom: new TimeOnly(20, 0), quietUntil: new TimeOnly(8, 0));
        Assert.Equal(At(1, 10, 0).AddHours(heldHour).AddMinutes(heldMinute), Availability.QuietUntil(tom, At(1, 10, hour, minute), Utc));
    }

    [Fact]
    public void QuietUntil_AnEndSkippedBySummerTime_MovesPastTheGap_AndNoHoursMeansNoHold()
    {
        // Quiet until 02:30 on 28 Mar 2027 in Paris, a time that never happens: clocks go from 02:00 to 03:00 (01:00 UTC).
        var tom = Tom("Europe/Paris", quietFrom: new TimeOnly(22, 0), quietUntil: new TimeOnly(2, 30));
        Assert.Equal(At(3, 28, 1, 0), Availability.QuietUntil(tom, At(3, 27, 23, 0), Utc));
        Assert.Equal(At(3, 27, 23, 0), Availability.QuietUntil(Tom("Europe/Paris"), At(3, 27, 23, 0), Utc));
    }

    [Fact]
    public void BackOrNextDay_IsTheStartOfTheDayBackInTheirZone_OrOfTheirNextDayWhenAwayUntilMeBack()
    {
        var dated = Tom("Pacific/Auckland", from: new DateOnly(2027, 1, 1), until: new DateOnly(2027, 1, 10)); // UTC+13 in January
        Assert.Equal(At(1, 9, 11), Availability.BackOrNextDay(dated, At(1, 5, 0), Utc));
        var open = Tom("Pacific/Auckland", from: new DateOnly(2027, 1, 1));
        Assert.Equal(At(1, 5, 11), Availability.BackOrNextDay(open, At(1, 5, 0), Utc)); // 13:00 on the 5th there: look again at midnight
    }

    [Fact]
    public void QuietHold_MovesTheDeadlineByTheHold()
    {
        var tom = Tom("Europe/Paris", quietFrom: new TimeOnly(20, 0), quietUntil: new TimeOnly(8, 0));
        Assert.Equal((At(1, 11, 7), At(1, 11, 10)), Availability.QuietHold(tom, At(1, 10, 20), At(1, 10, 23), Utc));
        Assert.Equal((At(1, 10, 12), (DateTime?)null), Availability.QuietHold(tom, At(1, 10, 12), null, Utc));
    }
}
