using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>The quarter's events, and the five recent losses whose stories get told.</summary>
internal sealed record DemoEventSet(List<CustomerEvent> All, List<CustomerEvent> StorySubjects);

/// <summary>A quarter of won, lost, renewed and referral events over the sample customers.</summary>
internal static class DemoEvents
{
    public const int Won = 40, Lost = 18, Renewed = 30, Referrals = 12, QuarterDays = 91;

    /// <summary>In story order: the first five losses carry one reason each so every story is a different one.</summary>
    public static readonly string[] LostReasons =
    [
        "missed deliveries", "billing errors", "onboarding took too long", "price increase",
        "switched to a competitor with better support",
    ];

    // Reasons recur unevenly, so the review's "why they left" has a clear leader.
    static readonly int[] LostReasonWeights = [5, 4, 3, 2, 3];

    static readonly string[] RenewReasons =
    [
        "deliveries always on time", "quick answers from support", "their account manager checks in",
        "fair pricing", "staff training included", "easy online ordering",
    ];

    public static DemoEventSet Build(IReadOnlyList<Customer> customers, Member recorder, DemoDates dates, Random rng)
    {
        var order = customers.ToArray();
        rng.Shuffle(order);
        var won = order[..Won];
        var lost = order[Won..(Won + Lost)];
        var renewed = order[(Won + Lost)..(Won + Lost + Renewed)];
        // Referrers are existing customers: those who renewed or had a quiet quarter.
        var referrers = order[(Won + Lost)..];

        var events = new List<CustomerEvent>();
        CustomerEvent Add(Customer c, CustomerEventKind kind, int daysAgo, decimal value, string? reason = null, string? by = null)
        {
            var e = new CustomerEvent
            {
                Customer = c, Kind = kind, OccurredOn = dates.Day(-daysAgo), AnnualValue = value,
                Reason = reason, ReferredBy = by, RecordedById = recorder.Id, RecordedAt = dates.At(daysAgo, 17),
            };
            events.Add(e);
            return e;
        }

        // Days 1..6 ago fall in "the last 7 days" however a review bounds its week, so the first review has content.
        for (var i = 0; i < Won; i++)
        {
            var value = Value(rng);
            var daysAgo = i < 3 ? rng.Next(1, 7) : rng.Next(1, QuarterDays + 1);
            Add(won[i], CustomerEventKind.Won, daysAgo, value);
            if (i >= 3 && i < 3 + Referrals)
                Add(won[i], CustomerEventKind.Referral, daysAgo, value, by: Referrer(won[i], referrers, rng).Name);
        }

        var subjects = new List<CustomerEvent>();
        for (var i = 0; i < Lost; i++)
        {
            // Two losses last week and four more inside 60 days, so all five stories are about recent losses;
            // their days are pinned so the decisions and commitments that cite them come after them.
            var daysAgo = i < 2 ? 6 - i : i < 6 ? rng.Next(35, 60) : rng.Next(1, QuarterDays + 1);
            var reason = i < LostReasons.Length ? LostReasons[i] : Weighted(rng);
            var e = Add(lost[i], CustomerEventKind.Lost, daysAgo, Value(rng), reason);
            if (i < LostReasons.Length) subjects.Add(e);
        }

        foreach (var c in renewed)
            Add(c, CustomerEventKind.Renewed, rng.Next(1, QuarterDays + 1), Value(rng), RenewReasons[rng.Next(RenewReasons.Length)]);

        // Stable sort: ids then follow the calendar, and a referral stays right after its win.
        return new DemoEventSet([.. events.OrderBy(e => e.OccurredOn)], subjects);
    }

    /// <summary>Whole hundreds between 6,000 and 120,000 a year.</summary>
    static decimal Value(Random rng) => rng.Next(60, 1201) * 100m;

    static Customer Referrer(Customer referred, Customer[] referrers, Random rng)
    {
        var sameGroup = referrers.Where(r => r.Group == referred.Group).ToArray();
        var pool = sameGroup.Length > 0 ? sameGroup : referrers;
        return pool[rng.Next(pool.Length)];
    }

    static string Weighted(Random rng)
    {
        var roll = rng.Next(LostReasonWeights.Sum());
        for (var i = 0; i < LostReasonWeights.Length; i++)
            if ((roll -= LostReasonWeights[i]) < 0) return LostReasons[i];
        return LostReasons[^1];
    }
}
