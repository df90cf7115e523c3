using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Touchpoints;

public enum TouchpointState { NoValues, Ok, Projected, Crossed }

/// <summary>
/// Where a touchpoint stands: its latest value, the least-squares line through its values of the last
/// <see cref="WindowDays"/> days (change per day), and whether it is past its threshold or will be within
/// <see cref="HorizonDays"/> days at that rate.
/// </summary>
public sealed record TouchpointTrend(TouchpointState State, DateOnly? LatestOn, decimal? Latest, double? PerDay, int Points, DateOnly? CrossesOn)
{
    public const int WindowDays = 28, MinPoints = 7, HorizonDays = 14;

    /// <param name="recent">Values of the window ending at the latest value, oldest first; the last one is the latest.</param>
    public static TouchpointTrend Of(Touchpoint t, IReadOnlyList<(DateOnly On, decimal Value)> recent, DateOnly today)
    {
        if (recent.Count == 0) return new(TouchpointState.NoValues, null, null, null, 0, null);
        var (latestOn, latest) = recent[^1];
        var fitted = 0d;
        var slope = recent.Count >= MinPoints ? Slope(recent, out fitted) : null;
        if (t.IsBad(latest)) return new(TouchpointState.Crossed, latestOn, latest, slope, recent.Count, null);
        if (slope is not { } perDay || latestOn.DayNumber <= today.DayNumber - WindowDays || !Worsening(t, perDay))
            return new(TouchpointState.Ok, latestOn, latest, slope, recent.Count, null);
        // The fitted line, not the last value, says where it is heading: one bad day is noise, a slope over weeks is not.
        var days = Math.Max(1, (int)Math.Ceiling(((double)t.Threshold - fitted) / perDay));
        var crosses = latestOn.AddDays(days);
        var state = crosses.DayNumber <= today.DayNumber + HorizonDays ? TouchpointState.Projected : TouchpointState.Ok;
        return new(state, latestOn, latest, slope, recent.Count, state == TouchpointState.Projected ? crosses : null);
    }

    static bool Worsening(Touchpoint t, double perDay) => t.Good == GoodDirection.Down ? perDay > 0 : perDay < 0;

    /// <summary>Ordinary least squares of value on day; <paramref name="fittedLatest"/> is the line's value on the last day.</summary>
    static double? Slope(IReadOnlyList<(DateOnly On, decimal Value)> points, out double fittedLatest)
    {
        double n = points.Count, sx = 0, sy = 0;
        var x0 = points[0].On.DayNumber;
        foreach (var (on, value) in points)
        {
            sx += on.DayNumber - x0;
            sy += (double)value;
        }
        var (mx, my) = (sx / n, sy / n);
        double sxy = 0, sxx = 0;
        foreach (var (on, value) in points)
        {
            var dx = on.DayNumber - x0 - mx;
            sxy += dx * ((double)value - my);
            sxx += dx * dx;
        }
        var slope = sxx == 0 ? 0 : sxy / sxx;
        fittedLatest = my + slope * (points[^1].On.DayNumber - x0 - mx);
        return slope;
    }
}
