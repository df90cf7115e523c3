using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>The twelve people of the sample company, addressed by their local user id ("ana", "tom").</summary>
internal sealed class DemoCast
{
    static readonly (string Id, string Name, Role Role)[] People =
    [
        ("ana", "Ana Ruiz", Role.Cco),
        ("maria", "Maria Chen", Role.Executive),
        ("tom", "Tom Becker", Role.Executive),
        ("li", "Li Wei", Role.Executive),
        ("sam", "Sam Patel", Role.Executive),
        ("priya", "Priya Nair", Role.Executive),
        ("jo", "Jo Walsh", Role.Frontline),
        ("kai", "Kai Tanaka", Role.Frontline),
        ("noor", "Noor Haddad", Role.Frontline),
        ("ben", "Ben Carter", Role.Frontline),
        ("eva", "Eva Lindqvist", Role.Frontline),
        ("omar", "Omar Farouk", Role.Frontline),
    ];

    readonly Dictionary<string, Member> byId;

    public DemoCast(DemoDates dates)
    {
        // Everyone joined before the quarter of sample events begins.
        var joined = dates.At(120, 9);
        byId = People.ToDictionary(p => p.Id, p => new Member
        {
            Platform = ChatPlatform.Local,
            PlatformUserId = p.Id,
            DisplayName = p.Name,
            Email = $"{p.Id}@example.com",
            Role = p.Role,
            JoinedAt = joined,
        });
    }

    public IEnumerable<Member> All => People.Select(p => byId[p.Id]);
    public Member Cco => byId["ana"];
    public Member this[string id] => byId[id];
    public IReadOnlyList<Member> Frontline => [.. All.Where(m => m.Role == Role.Frontline)];
}
