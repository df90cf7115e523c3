using System.Globalization;

namespace AccountabilityBot.Core.Grammar;

/// <summary>
/// Reads the date words people type in chat, relative to the speaker's today. Rules, kept deliberately simple:
/// a weekday ("fri") is the next such day on or after today; "next fri" is the first one strictly after today
/// (so on a Thursday "next mon" and "mon" agree); "last fri" is the latest one strictly before today;
/// "dec 15" without a year is the next Dec 15 on or after today; "eow" is Friday on or after today.
/// </summary>
internal static class DateWords
{
    /// <summary>Longest phrase read after a key without quotes, e.g. <c>due:dec 15 2027</c>.</summary>
    public const int MaxWords = 3;

    /// <summary>
    /// The date, or null with <paramref name="problem"/> set when the words look like a date but aren't
    /// real ("2026-02-30 is not a real date"), or null with no problem when they aren't a date at all.
    /// </summary>
    public static DateOnly? Read(string phrase, DateOnly today, out string? problem)
    {
        problem = null;
        var words = phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            1 => One(words[0], today, out problem),
            2 => Two(words[0], words[1], today, out problem),
            3 => Three(words, today, out problem),
            _ => null,
        };
    }

    static DateOnly? One(string w, DateOnly today, out string? problem)
    {
        problem = null;
        if (w.Length >= 8 && char.IsAsciiDigit(w[0]) && w.Contains('-')) return Iso(w, out problem);
        if (DateNames.Weekday(w) is { } day) return DateMath.Days(today, DaysUntil(today, day, strictly: false));
        return w switch
        {
            "today" => today,
            "tomorrow" or "tmrw" => DateMath.Days(today, 1),
            "yesterday" => DateMath.Days(today, -1),
            "eow" => EndOfWeek(today),
            "eom" => EndOfMonth(today),
            _ => null,
        };
    }

    static DateOnly? Two(string a, string b, DateOnly today, out string? problem)
    {
        problem = null;
        if (DateNames.Weekday(b) is { } day)
            return a switch
            {
                "next" => DateMath.Days(today, DaysUntil(today, day, strictly: true)),
                "last" => DateMath.Days(today, -DaysSince(today, day)),
                _ => null,
            };
        return EitherOrder(a, b, null, today, out problem);
    }

    static DateOnly? Three(string[] w, DateOnly today, out string? problem)
    {
        problem = null;
        if (w[0] == "in") return In(w[1], w[2], today, out problem);
        if (w[0] == "end" && w[1] == "of") return w[2] switch { "week" => EndOfWeek(today), "month" => EndOfMonth(today), _ => null };
        if (!int.TryParse(w[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || w[2].Length != 4) return null;
        return EitherOrder(w[0], w[1], year, today, out problem);
    }

    // "dec 15" and "15 dec" both work; keep the problem from whichever order named a month.
    static DateOnly? EitherOrder(string a, string b, int? year, DateOnly today, out string? problem) =>
        DateNames.Month(a) is not null ? MonthDay(a, b, year, today, out problem) : MonthDay(b, a, year, today, out problem);

    static DateOnly? Iso(string w, out string? problem)
    {
        problem = null;
        var parts = w.Split('-');
        if (parts.Length != 3 || parts[0].Length != 4 || parts[1].Length is < 1 or > 2 || parts[2].Length is < 1 or > 2) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return null;
        if (y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)) return new DateOnly(y, m, d);
        problem = $"{w} is not a real date";
        return null;
    }

    // "dec 15" / "december 15th," with an optional year; the caller tries both word orders.
    static DateOnly? MonthDay(string monthWord, string dayWord, int? year, DateOnly today, out string? problem)
    {
        problem = null;
        if (DateNames.Month(monthWord) is not { } month || DateNames.DayOfMonth(dayWord) is not { } day) return null;
        if (year is { } y)
        {
            if (y >= 1 && day <= DateTime.DaysInMonth(y, month)) return new DateOnly(y, month, day);
        }
        else
        {
            // The next occurrence on or after today; eight years always reaches a leap year for "feb 29".
            for (var candidate = today.Year; candidate <= Math.Min(today.Year + 8, 9999); candidate++)
                if (day <= DateTime.DaysInMonth(candidate, month) && new DateOnly(candidate, month, day) >= today)
                    return new DateOnly(candidate, month, day);
        }
        problem = $"{monthWord} {dayWord}{(year is null ? "" : " " + year)} is not a real date";
        return null;
    }

    static DateOnly? In(string count, string unit, DateOnly today, out string? problem)
    {
        problem = null;
        int n;
        if (count is "a" or "an" or "one") n = 1;
        else if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n > 100_000) return null;
        var result = unit.TrimEnd('s') switch
        {
            "day" => DateMath.Days(today, n),
            "week" => DateMath.Days(today, 7L * n),
            "month" => DateMath.Months(today, n),
            "year" => DateMath.Months(today, 12L * n),
            _ => (DateOnly?)null,
        };
        if (result is null && unit.TrimEnd('s') is "day" or "week" or "month" or "year") problem = $"in {count} {unit} is too far ahead";
        return result;
    }

    static int DaysUntil(DateOnly today, DayOfWeek day, bool strictly)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return strictly && days == 0 ? 7 : days;
    }

    static int DaysSince(DateOnly today, DayOfWeek day)
    {
        var days = ((int)today.DayOfWeek - (int)day + 7) % 7;
        return days == 0 ? 7 : days;
    }

    static DateOnly? EndOfWeek(DateOnly today) => DateMath.Days(today, DaysUntil(today, DayOfWeek.Friday, strictly: false));

    static DateOnly EndOfMonth(DateOnly today) => new(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
}
