using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Tests.Reviews;

/// <summary>Adds rows the way the use cases would, with only the fields a review reads; call SaveChanges yourself.</summary>
sealed class ReviewSeed(AppDbContext db)
{
    static readonly DateTime Recorded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    readonly Dictionary<string, CustomerGroup> groups = [];

    public Member Member(string name, Role role = Role.Executive)
    {
        var m = new Member { Platform = ChatPlatform.Slack, PlatformUserId = "U-" + name, DisplayName = name, Role = role, JoinedAt = Recorded };
        db.Members.Add(m);
        return m;
    }

    public CustomerEvent Event(CustomerEventKind kind, string customer, DateOnly on, decimal value, string? reason = null, string? group = null)
    {
        var e = new CustomerEvent
        {
            Customer = new Customer { Name = customer, Group = group is null ? null : GroupNamed(group) },
            Kind = kind, OccurredOn = on, AnnualValue = value, Reason = reason, RecordedAt = Recorded,
        };
        db.CustomerEvents.Add(e);
        return e;
    }

    public LostStory Story(CustomerEvent lost, string narrative = "They left.", DateTime? pickedAt = null, DateTime? toldAt = null)
    {
        var s = new LostStory { Event = lost, Narrative = narrative, CreatedAt = Recorded, PickedAt = pickedAt, ToldAt = toldAt };
        db.LostStories.Add(s);
        return s;
    }

    public Commitment Commitment(string title, Member owner, DateOnly due, CommitmentStatus status, JourneyStage? stage = null)
    {
        var c = new Commitment { Title = title, Owner = owner, DueOn = due, Status = status, Stage = stage, CreatedById = owner.Id, CreatedAt = Recorded };
        db.Commitments.Add(c);
        return c;
    }

    public StopItem Stop(string title, StopItemStatus status, DateOnly? reviewOn, Member? owner = null)
    {
        var s = new StopItem { Title = title, Status = status, ReviewOn = reviewOn, Owner = owner, ProposedAt = Recorded };
        db.StopItems.Add(s);
        return s;
    }

    public JourneyStage Stage(string name, int position)
    {
        var s = new JourneyStage { Name = name, Position = position };
        db.JourneyStages.Add(s);
        return s;
    }

    public void Resolution(Member by, DateTime at, JourneyStage? stage, decimal? cost) =>
        db.Resolutions.Add(new Resolution { What = "Fixed it", By = by, At = at, Stage = stage, Cost = cost });

    public void Decision(string text, Member by, DateTime at, Member? owner = null) =>
        db.Decisions.Add(new Decision { Text = text, DecidedBy = by, Owner = owner, DecidedAt = at });

    public void Prompt(Member to, string question, string? answer, DateTime? answeredAt) =>
        db.Prompts.Add(new Prompt { Member = to, Question = question, AskedAt = Recorded, Answer = answer, AnsweredAt = answeredAt });

    CustomerGroup GroupNamed(string name) =>
        groups.TryGetValue(name, out var g) ? g : groups[name] = new CustomerGroup { Name = name };
}
