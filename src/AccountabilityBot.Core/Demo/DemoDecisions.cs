using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>Six decisions over the quarter, two of them last week, most traced back to a story or a stop item.</summary>
internal static class DemoDecisions
{
    public static List<Decision> Build(DemoCast cast, IReadOnlyList<LostStory> stories, IReadOnlyList<StopItem> stops, DemoDates dates)
    {
        string Story(int i) => Refs.Of(Refs.LostStory, stories[i].Id);
        string Stop(int i) => Refs.Of(Refs.Stop, stops[i].Id);
        Decision D(int daysAgo, string by, string text, string? owner, int? dueInDays, string? promptedBy) => new()
        {
            Text = text,
            DecidedById = cast[by].Id,
            OwnerId = owner is null ? null : cast[owner].Id,
            DueOn = dueInDays is { } d ? dates.Day(d) : null,
            PromptedBy = promptedBy,
            DecidedAt = dates.At(daysAgo, 9, 30),
        };

        return
        [
            D(80, "ana", "Frontline may refund up to $150 without asking a manager", "li", null, Stop(DemoStopList.KeptStopped)),
            D(45, "ana", "Call the clinic the day before if an order will ship partially", "maria", -30, Stop(DemoStopList.DueForReview)),
            D(30, "priya", "Account owners review every renewal letter before it is sent", "priya", -15, null),
            D(20, "li", "Onboarding gets one named trainer per clinic", "li", 5, Story(2)),
            D(4, "ana", "A missed delivery gets a same-day call from a person, not an email", "maria", 10, Story(0)),
            D(2, "tom", "No invoice goes out until the duplicate check passes", "tom", 21, Story(1)),
        ];
    }
}
