namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// "At 09:00 in the member's own zone": the window in which a morning DM may go out. Ticks come every few minutes in
/// UTC; a member's post is due on the first tick inside their window and stale once the window has passed, so after
/// downtime nobody gets yesterday's nudge late.
/// </summary>
public static class LocalMorning
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(3);

    /// <summary>The member's local date whose window contains <paramref name="utcNow"/>, with the window's end (UTC); null outside it.</summary>
    public static (DateOnly LocalDate, DateTime NotAfter)? Current(TimeZoneInfo zone, TimeOnly at, DateTime utcNow, IReadOnlySet<DayOfWeek> days)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        // The window may have started on the previous local day (e.g. 23:00 + 3 h).
        foreach (var date in new[] { localToday, localToday.AddDays(-1) })
        {
            if (!days.Contains(date.DayOfWeek)) continue;
            var start = CadenceSchedule.ToUtc(date.ToDateTime(at), zone);
            if (utcNow >= start && utcNow < start + Window) return (date, start + Window);
        }
        return null;
    }
}
