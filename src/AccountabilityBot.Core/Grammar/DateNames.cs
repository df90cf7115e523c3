using System.Globalization;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Weekday and month names, full or abbreviated, in English (the bot's one command language).</summary>
internal static class DateNames
{
    static readonly Dictionary<string, DayOfWeek> Weekdays = new()
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static DayOfWeek? Weekday(string word) =>
        Weekdays.TryGetValue(word.ToLowerInvariant(), out var day) ? day : null;

    /// <summary>1–12 for "dec", "december" or "sept"; null otherwise.</summary>
    public static int? Month(string word)
    {
        var w = word.ToLowerInvariant();
        if (w == "sept") return 9;
        if (w.Length < 3) return null;
        for (var i = 0; i < MonthNames.Length; i++)
            if (w.Length == 3 ? MonthNames[i].StartsWith(w, StringComparison.Ordinal) : MonthNames[i] == w) return i + 1;
        return null;
    }

    /// <summary>1–31 from "15", "15th" or "15," (as in "december 15, 2027").</summary>
    public static int? DayOfMonth(string word)
    {
        var w = word.TrimEnd(',').ToLowerInvariant();
        if (w.Length > 2 && (w.EndsWith("st") || w.EndsWith("nd") || w.EndsWith("rd") || w.EndsWith("th"))) w = w[..^2];
        return w.Length is >= 1 and <= 2 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31
            ? d : null;
    }
}

/// <summary>Date arithmetic that answers null instead of throwing at the ends of the calendar.</summary>
internal static class DateMath
{
    public static DateOnly? Days(DateOnly from, long days)
    {
        var target = from.DayNumber + days;
        return target >= DateOnly.MinValue.DayNumber && target <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)target) : null;
    }

    public static DateOnly? Months(DateOnly from, long months)
    {
        var total = from.Year * 12L + from.Month - 1 + months;
        if (total < 12 || total >= 10000 * 12L) return null;
        return from.AddMonths((int)months);
    }

    /// <summary>Five years on, or the end of the calendar when that is closer.</summary>
    public static DateOnly FiveYearsFrom(DateOnly today) => today.Year <= 9994 ? today.AddYears(5) : DateOnly.MaxValue;
}
