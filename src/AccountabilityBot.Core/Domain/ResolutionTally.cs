namespace AccountabilityBot.Core.Domain;

/// <summary>
/// How many resolutions were logged in one UTC hour. The database keeps it (triggers on Resolutions, in the
/// provider's migration), so every writer counts and the "resolved in the last 7 days" reply reads at most 169 rows
/// instead of counting a busy week's resolutions one by one.
/// </summary>
public sealed class ResolutionTally
{
    /// <summary>The hour's start, UTC, whole hours only.</summary>
    public DateTime Hour { get; set; }
    public int Count { get; set; }

    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
}
