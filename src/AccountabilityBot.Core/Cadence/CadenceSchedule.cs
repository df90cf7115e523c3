using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Cadence;

/// <summary>Days-of-week plus a local time in an IANA zone: the next run, stored days text, and a cron line.</summary>
public static class CadenceSchedule
{
    static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static string DaysText(IEnumerable<DayOfWeek> days)
    {
        var set = days.Distinct().Order().ToList();
        return set.Count == 7 ? "daily" : string.Join(",", set.Select(d => DayNames[(int)d]));
    }

    public static IReadOnlyList<DayOfWeek> ParseDays(string text) =>
        text == "daily" ? Enum.GetValues<DayOfWeek>() : text.Split(',').Select(d => (DayOfWeek)Array.IndexOf(DayNames, d)).ToList();

    /// <summary>Cron "m h * * d" for the scheduler; the scheduler applies the zone.</summary>
    public static string Cron(CadenceSetting s)
    {
        var days = s.Days == "daily" ? "*" : string.Join(",", ParseDays(s.Days).Select(d => (int)d));
        return $"{s.LocalTime.Minute} {s.LocalTime.Hour} * * {days}";
    }

    /// <summary>
    /// The next instant (UTC) after <paramref name="utcNow"/>. A local time skipped by a spring-forward runs at the
    /// first valid minute after the gap; a time repeated in autumn runs once, at its first occurrence.
    /// </summary>
    public static DateTime NextRun(CadenceSetting s, DateTime utcNow, TimeZoneInfo zone)
    {
        var days = ParseDays(s.Days).ToHashSet();
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        for (var i = 0; i <= 8; i++)
        {
            var day = localToday.AddDays(i);
            if (!days.Contains(day.DayOfWeek)) continue;
            var candidate = ToUtc(day.ToDateTime(s.LocalTime), zone);
            if (candidate > utcNow) return candidate;
        }
        throw new InvalidOperationException($"Cadence '{s.Kind}' has no days.");
    }

    /// <summary>A local wall-clock time to UTC: a time in a spring-forward gap moves past the gap; a repeated time takes its first occurrence.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }
}
