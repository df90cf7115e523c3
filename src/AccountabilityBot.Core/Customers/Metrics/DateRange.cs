using System.Globalization;
using AccountabilityBot.Core.Common;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary>An inclusive range of days, as leaders name them: a week, a month, a quarter to date, or any span.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>Longest span a metric query accepts: ten years keeps every query bounded.</summary>
    public const int MaxDays = 3660;

    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Monday of this week to today.</summary>
    public static DateRange WeekToDate(DateOnly today) => new(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today);

    public static DateRange MonthToDate(DateOnly today) => new(new DateOnly(today.Year, today.Month, 1), today);

    public static DateRange QuarterToDate(DateOnly today) => new(new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today);

    /// <summary>"Q4 2026": the calendar quarter <paramref name="day"/> is in.</summary>
    public static string QuarterName(DateOnly day) => $"Q{(day.Month - 1) / 3 + 1} {day.Year}";

    /// <summary>The words leaders use for a period ("week", "month", "quarter"), so far as of <paramref name="today"/>; null for another word.</summary>
    public static (string Label, DateRange Range)? Named(string word, DateOnly today) => word switch
    {
        "week" => ("this week so far", WeekToDate(today)),
        "month" => ("this month so far", MonthToDate(today)),
        "quarter" => ("this quarter so far", QuarterToDate(today)),
        _ => null,
    };

    /// <summary>"2026-10-01..2026-12-31"; null with a reason a person can act on when it isn't one.</summary>
    public static DateRange? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split("..", 2);
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var to))
        {
            problem = $"'{text}' isn't a date range; write it like 2026-10-01..2026-12-31.";
            return null;
        }
        return Check(from, to, out problem);
    }

    public static DateRange? Check(DateOnly from, DateOnly to, out string? problem)
    {
        problem = to < from ? "The range ends before it starts; put the earlier date first."
            : to.DayNumber - from.DayNumber + 1 > MaxDays ? $"Ranges are limited to {MaxDays} days."
            : null;
        return problem is null ? new DateRange(from, to) : null;
    }

    /// <summary>"1 Oct – 31 Dec 2026".</summary>
    public string Label => Format.Range(From, To);
}
