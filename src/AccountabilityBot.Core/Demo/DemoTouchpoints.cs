using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>
/// Three touchpoints with two months of daily values up to yesterday: first replies have just gone past four hours,
/// on-time delivery is sliding towards its 95% line (crossing within two weeks at its rate), onboarding calls are fine.
/// </summary>
internal static class DemoTouchpoints
{
    const int Days = 60;

    public static List<Touchpoint> Build(DemoCast cast, IReadOnlyList<JourneyStage> stages, DemoDates dates)
    {
        // A database whose stages were renamed before the demo ran still gets its touchpoints, at the first stage.
        JourneyStage Stage(string name) => stages.FirstOrDefault(s => s.Name == name) ?? stages[0];
        Touchpoint New(string name, string stage, string unit, GoodDirection good, decimal threshold, string owner, string measure) => new()
        {
            Name = name, Stage = Stage(stage), Unit = unit, Good = good, Threshold = threshold, Owner = cast[owner], Measure = measure,
            CreatedAt = dates.At(Days + 1, 9),
        };
        var reply = New("First reply within 4 hours", "Get help", "hours", GoodDirection.Down, 4, "maria",
            "median hours to the first reply to a support ticket");
        var delivery = New("Orders delivered on the promised day", "Delivery", "%", GoodDirection.Up, 95, "tom",
            "share of orders delivered on the day promised");
        var onboarding = New("Onboarding call within 2 days", "Onboard", "days", GoodDirection.Down, 2, "li",
            "days from signature to the kick-off call");
        return [reply, delivery, onboarding];
    }

    /// <summary>The values of the touchpoints <see cref="Build"/> made, once they have ids.</summary>
    public static List<TouchpointValue> Values(IReadOnlyList<Touchpoint> touchpoints, DemoDates dates, Random rng)
    {
        var (reply, delivery, onboarding) = (touchpoints[0], touchpoints[1], touchpoints[2]);
        var values = new List<TouchpointValue>();
        for (var daysAgo = Days; daysAgo >= 1; daysAgo--)
        {
            var on = dates.Day(-daysAgo);
            var noise = (decimal)(rng.NextDouble() - 0.5);
            // Replies were steady near three hours, then a staffing gap in the last week pushed them past four.
            values.Add(Value(reply, on, daysAgo == 1 ? 4.6m : daysAgo <= 6 ? 3.6m + noise * 0.4m : 3m + noise * 0.5m));
            values.Add(Value(delivery, on, daysAgo > 28 ? 98.5m + noise * 0.5m : 96m + 0.08m * daysAgo));
            values.Add(Value(onboarding, on, 1.4m + noise * 0.3m));
        }
        return values;

        TouchpointValue Value(Touchpoint t, DateOnly on, decimal value) =>
            new() { TouchpointId = t.Id, On = on, Value = Math.Round(value, 2), RecordedAt = on.AddDays(1).ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc) };
    }
}
