using System.Globalization;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>A touchpoint as plain data for a reply, an alert or the review: what it is, who owns the fix, where it stands.</summary>
public sealed record TouchpointView(int Id, string Name, string Stage, string Unit, GoodDirection Good, decimal Threshold, Person Owner,
    TouchpointTrend Trend)
{
    /// <summary>The open commitment that fixes it (own the fix, or re:T-n), if there is one.</summary>
    public FixView? Fix { get; init; }

    public static TouchpointView Of(TouchpointStatus s) => new(s.Touchpoint.Id, s.Touchpoint.Name, s.Touchpoint.Stage.Name, s.Touchpoint.Unit,
        s.Touchpoint.Good, s.Touchpoint.Threshold, Person.Of(s.Touchpoint.Owner), s.Trend);

    public string Reference => Refs.Of(Refs.Touchpoint, Id);

    /// <summary>Worst first: past its threshold, then heading past it, then the rest.</summary>
    public int Urgency => Trend.State switch { TouchpointState.Crossed => 0, TouchpointState.Projected => 1, _ => 2 };

    /// <summary>"past its threshold", "heading past it", "within it", "no values yet".</summary>
    public string StateText => Trend.State switch
    {
        TouchpointState.Crossed => "past its threshold",
        TouchpointState.Projected => $"heading past it within {TouchpointTrend.HorizonDays} days",
        TouchpointState.Ok => "within it",
        _ => "no values yet",
    };

    /// <summary>"threshold 4 hours, lower is better".</summary>
    public string Promise => $"threshold {TouchpointUnits.Show(Threshold, Unit)}, {(Good == GoodDirection.Down ? "lower" : "higher")} is better";

    /// <summary>"rising 0.12 hours a day over 28 days", or why there is no trend yet.</summary>
    public string TrendText => Trend.PerDay is not { } perDay
        ? Trend.State == TouchpointState.NoValues ? "no values yet"
            : $"no trend yet (it needs {TouchpointTrend.MinPoints} values in {TouchpointTrend.WindowDays} days)"
        : Math.Abs(perDay) < 0.005 ? $"steady over {TouchpointTrend.WindowDays} days"
        : $"{(perDay > 0 ? "rising" : "falling")} {Rate(Math.Abs(perDay))} a day over {TouchpointTrend.WindowDays} days";

    string Rate(double perDay) => TouchpointUnits.Show((decimal)Math.Round(perDay, 2), Unit) is var s && s.StartsWith("0 ", StringComparison.Ordinal)
        ? perDay.ToString("0.###", CultureInfo.InvariantCulture) + (Unit == "%" ? "%" : " " + Unit) : s;

    /// <summary>One line: reference, name and stage, latest value, trend, the fix's owner, and a mark when it needs attention.</summary>
    public RichText Line()
    {
        var mark = Trend.State switch { TouchpointState.Crossed => "🔴 ", TouchpointState.Projected => "🟠 ", _ => "" };
        var latest = Trend.Latest is { } v && Trend.LatestOn is { } on
            ? (Span)new TextSpan($"{TouchpointUnits.Show(v, Unit)} on {on.ToString("d MMM", CultureInfo.InvariantCulture)}")
            : new TextSpan("no value yet");
        var owner = Fix?.Owner ?? Owner;
        return RichText.Of(new TextSpan($"{mark}{Reference} {Name}", Bold: true), new TextSpan($" ({Stage}): "), latest,
            new TextSpan($" · {Promise} · {TrendText} · fix owned by "), new MentionSpan(owner.Platform, owner.PlatformUserId, owner.Name),
            new TextSpan(Fix is { } f ? $" ({Refs.Of(Refs.Commitment, f.Id)}, due {f.DueOn.ToString("d MMM", CultureInfo.InvariantCulture)})" : ""));
    }
}

/// <summary>An open commitment linked to a touchpoint: who is fixing it, by when.</summary>
public sealed record FixView(int Id, Person Owner, DateOnly DueOn);
