using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>
/// Issues the frontline fixed on their own over the quarter, several of them this week so the tally has content, and a
/// frontline pattern: the carrier's wrong addresses, fixed six times at Delivery in the last two weeks.
/// </summary>
internal static class DemoResolutions
{
    public const int Scattered = 25, ThisWeek = 6;

    public static int Count => Scattered + Repeated.Length;

    /// <summary>The pattern, each fix in its own words; fixed values, so the rest of the seeded data stays as it was.</summary>
    static readonly (string What, int Cost)[] Repeated =
    [
        ("Re-sent the order by courier: the carrier left it at the wrong address", 20),
        ("Carrier delivered to the wrong address again, drove a second box over", 35),
        ("Wrong address on the carrier label, re-shipped next-day at our cost", 25),
        ("Tracked down a parcel the carrier took to the wrong address", 0),
        ("Carrier sent the gloves to the wrong address; couriered replacements", 40),
        ("Second wrong address this month from the carrier; refunded the shipping", 15),
    ];

    static readonly (string Stage, string What)[] Fixes =
    [
        ("Delivery", "Couriered a replacement box of gloves the same day after a missed delivery"),
        ("Delivery", "Sent the missing impression trays next-day at our cost"),
        ("Delivery", "Drove the backordered lenses over on the way home"),
        ("Use", "Credited a duplicate invoice line and called the practice manager to confirm"),
        ("Use", "Reset a locked account and walked the receptionist through it"),
        ("Get help", "Stayed on the phone to fix the booking sync instead of opening a ticket"),
        ("Get help", "Called back a clinic that had waited two days on a ticket"),
        ("Onboard", "Ran an extra evening training session for the front desk"),
        ("Onboard", "Imported their client list by hand after the import failed"),
        ("Renew", "Held last year's price for a month while the owner reviewed the renewal"),
        ("Buy", "Sent a sample pack so the clinic could try before ordering"),
        ("Discover", "Answered a prospect's question about delivery windows on a Saturday"),
    ];

    public static List<Resolution> Build(DemoCast cast, IReadOnlyList<JourneyStage> stages, IReadOnlyList<Customer> customers, DemoDates dates, Random rng)
    {
        var resolutions = new List<Resolution>();
        for (var i = 0; i < Scattered; i++)
        {
            var (stage, what) = Fixes[rng.Next(Fixes.Length)];
            // Days 1..6 ago are "this week" however the review bounds it.
            var daysAgo = i < ThisWeek ? rng.Next(1, 7) : rng.Next(7, DemoEvents.QuarterDays + 1);
            resolutions.Add(new Resolution
            {
                What = what,
                CustomerName = customers[rng.Next(customers.Count)].Name,
                StageId = stages.FirstOrDefault(s => s.Name == stage)?.Id,
                // Small sums in tens: the point of permission to resolve is that these never needed approval.
                Cost = rng.Next(16) * 10m,
                By = cast.Frontline[rng.Next(cast.Frontline.Count)],
                At = dates.At(daysAgo, rng.Next(8, 18), rng.Next(60)),
            });
        }
        var delivery = stages.FirstOrDefault(s => s.Name == "Delivery")?.Id;
        resolutions.AddRange(Repeated.Select((fix, i) => new Resolution
        {
            What = fix.What, CustomerName = customers[(i * 7 + 3) % customers.Count].Name, StageId = delivery, Cost = fix.Cost,
            By = cast.Frontline[i % cast.Frontline.Count], At = dates.At(12 - 2 * i, 9 + i, 15),
        }));
        return [.. resolutions.OrderBy(r => r.At)];
    }
}
