using AccountabilityBot.Core.Common;

namespace AccountabilityBot.Core.Demo;

/// <summary>Every sample date is counted back from the clock's UTC today, so the data always looks current.</summary>
internal sealed class DemoDates(TimeProvider clock)
{
    public DateTime Now { get; } = clock.UtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public DateOnly Day(int daysFromToday) => Today.AddDays(daysFromToday);

    /// <summary>An instant on a past day; clamped to now so nothing is recorded in the future.</summary>
    public DateTime At(int daysAgo, int hour, int minute = 0)
    {
        var at = Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
        return at > Now ? Now : at;
    }
}
