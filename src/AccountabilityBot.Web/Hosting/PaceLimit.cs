namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// At most <paramref name="Count"/> sends under <paramref name="Key"/> in any <paramref name="Window"/>.
/// <paramref name="Burst"/> is how many of them the shared pacing (<see cref="ISendPacing"/> on PostgreSQL) lets go at
/// once; the rest of the window's allowance is spread evenly over it, so the window's count holds either way.
/// </summary>
public sealed record PaceLimit(string Key, int Count, TimeSpan Window, int Burst = 1)
{
    /// <summary>The row that keeps this limit in a shared store: one per key and window.</summary>
    public string RowKey => $"{Key}|{Count}/{(long)Window.TotalMilliseconds}";

    /// <summary>
    /// The limit as a generic cell rate: one send per <c>Spacing</c>, up to <c>Burst</c> at once. Any stretch of time
    /// of length Window then sees at most Burst + Window / Spacing sends, which is Count.
    /// </summary>
    public (TimeSpan Spacing, TimeSpan Reach) AsCellRate()
    {
        var burst = Math.Clamp(Burst, 1, Count);
        var ticks = (Window.Ticks + Math.Max(1, Count - burst) - 1) / Math.Max(1, Count - burst); // rounded up: never a send too many
        return (TimeSpan.FromTicks(ticks), TimeSpan.FromTicks(ticks * (burst - 1)));
    }
}
