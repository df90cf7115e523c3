using System.Globalization;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Times of day, time zones and day lists for <c>cadence</c> and <c>me</c>.</summary>
internal static class ClockWords
{
    /// <summary>08:00, 8:00, 8am, 5:30pm. Null with no problem when the word doesn't look like a time.</summary>
    public static TimeOnly? ReadTime(string word, out string? problem)
    {
        problem = null;
        var w = word.ToLowerInvariant();
        var suffix = w.EndsWith("am") ? "am" : w.EndsWith("pm") ? "pm" : null;
        var body = suffix is null ? w : w[..^2];
        var colon = body.IndexOf(':');
        if (suffix is null && colon < 0) return null; // a bare "8" is too ambiguous to be a time
        var hourText = colon < 0 ? body : body[..colon];
        var minuteText = colon < 0 ? "00" : body[(colon + 1)..];
        if (hourText.Length is < 1 or > 2 || minuteText.Length != 2
            || !int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(minuteText, NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
            return null;
        var valid = minute <= 59 && (suffix is null ? hour <= 23 : hour is >= 1 and <= 12);
        if (!valid)
        {
            problem = $"{word} isn't a real time; use 00:00–23:59, like 08:00, 8am or 5:30pm";
            return null;
        }
        if (suffix is not null) hour = hour % 12 + (suffix == "pm" ? 12 : 0);
        return new TimeOnly(hour, minute);
    }

    /// <summary>The canonical IANA id, or a friendly failure.</summary>
    public static string ReadZone(string text)
    {
        var id = text.Trim();
        // Only id-shaped text reaches the OS lookup: no paths, no spaces, nothing huge.
        var shaped = id.Length is > 0 and <= 64 && !id.Contains("..")
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+');
        if (shaped && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone.Id;
        // The zone files are case-sensitive on Linux but people type "america/new_york"; match the known ids.
        var known = shaped ? TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => z.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) : null;
        if (known is not null) return known.Id;
        throw new ParseFailure($"I don't know the time zone '{DidYouMean.Echo(id)}'; use an IANA name like America/New_York");
    }

    static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>"mon", "mon,thu", "mon thu", "weekdays", "weekends", "daily", "every day" → days in week order.</summary>
    public static IReadOnlyList<DayOfWeek> ReadDays(IEnumerable<string> words)
    {
        var text = string.Join(' ', words).ToLowerInvariant().Replace("every day", "daily");
        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "and" or "&") continue;
            if (part is "daily" or "everyday") days.UnionWith(Week);
            else if (part == "weekdays") days.UnionWith(Week[..5]);
            else if (part == "weekends") days.UnionWith(Week[5..]);
            else if (DateNames.Weekday(part) is { } day) days.Add(day);
            else throw new ParseFailure($"I don't know the day '{DidYouMean.Echo(part)}'. Use mon, tue … sun, a list like mon,thu, weekdays or daily.");
        }
        if (days.Count == 0) throw new ParseFailure("Which days? Use mon, a list like mon,thu, weekdays or daily.");
        return Week.Where(days.Contains).ToArray();
    }
}
