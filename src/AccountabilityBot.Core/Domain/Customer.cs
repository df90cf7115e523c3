namespace AccountabilityBot.Core.Domain;

public enum CustomerEventKind { Won, Lost, Renewed, Referral }

public sealed class CustomerGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public sealed class Customer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ExternalId { get; set; }
    public int? GroupId { get; set; }
    public CustomerGroup? Group { get; set; }
    public int? AccountOwnerId { get; set; }
    public Member? AccountOwner { get; set; }
}

/// <summary>A dated won/lost/renewed/referral fact with its annual value. Referenced as E-n.</summary>
public sealed class CustomerEvent
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public CustomerEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public decimal AnnualValue { get; set; }
    public string? Reason { get; set; }
    public string? ReferredBy { get; set; }
    public string? ExternalId { get; set; }
    public int? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
    public LostStory? Story { get; set; }
}

/// <summary>The narrative of why a customer left (L-n), told to leadership once.</summary>
public sealed class LostStory
{
    public int Id { get; set; }
    public int CustomerEventId { get; set; }
    public CustomerEvent Event { get; set; } = null!;
    /// <summary>
    /// The day its customer was lost: its event's date while that event is a loss. Kept by the database's triggers
    /// (never written here), so a period's stories are read from an index rather than through a million events.
    /// </summary>
    public DateOnly? LostOn { get; private set; }
    public required string Narrative { get; set; }
    public int? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the CCO picked it as the story of the week.</summary>
    public DateTime? PickedAt { get; set; }
    /// <summary>When it was the story of the week in a review; a told story is not told again.</summary>
    public DateTime? ToldAt { get; set; }
    /// <summary>When it was posted to leadership as a new story, as soon as it was recorded.</summary>
    public DateTime? PostedAt { get; set; }
}
