using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>Four customer groups of 25 small practices each, named the way such practices name themselves.</summary>
internal static class DemoCustomers
{
    public const int PerGroup = 25;

    static readonly (string Group, string[] Suffixes)[] Groups =
    [
        ("Dental clinics", ["Dental", "Dental Care", "Family Dentistry", "Smile Studio", "Orthodontics"]),
        ("Veterinary practices", ["Veterinary Clinic", "Animal Hospital", "Vets", "Pet Care"]),
        ("Physiotherapy", ["Physiotherapy", "Physio", "Sports Physio", "Rehab Clinic"]),
        ("Opticians", ["Opticians", "Eye Care", "Optical", "Vision Centre"]),
    ];

    static readonly string[] Places =
    [
        "Riverside", "Oakwood", "Harbour", "Maple Street", "Cedar", "Northgate", "Elm Park", "Lakeside",
        "Hillcrest", "Brookfield", "Westfield", "Willow", "Summit", "Bayview", "Greenway", "Pinecrest",
        "Meadowbank", "Parkside", "Kingsway", "Fairview", "Redwood", "Stonebridge", "Ashford", "Clearwater",
        "Silver Lake", "Highland", "Southbank", "Mill Creek", "Orchard", "Beacon", "Old Town", "Market Square",
    ];

    public static List<CustomerGroup> BuildGroups() => [.. Groups.Select(g => new CustomerGroup { Name = g.Group })];

    /// <summary>Distinct places within a group and distinct suffixes across groups keep every name unique.</summary>
    public static List<Customer> Build(IReadOnlyList<CustomerGroup> groups, IReadOnlyList<Member> accountOwners, Random rng)
    {
        var customers = new List<Customer>();
        for (var g = 0; g < Groups.Length; g++)
        {
            var places = Places.ToArray();
            rng.Shuffle(places);
            foreach (var place in places.Take(PerGroup))
            {
                var suffixes = Groups[g].Suffixes;
                customers.Add(new Customer
                {
                    Name = $"{place} {suffixes[rng.Next(suffixes.Length)]}",
                    Group = groups[g],
                    // Only some accounts have a named owner, as in most small-business books.
                    AccountOwner = rng.Next(10) < 4 ? accountOwners[rng.Next(accountOwners.Count)] : null,
                });
            }
        }
        return customers;
    }
}
