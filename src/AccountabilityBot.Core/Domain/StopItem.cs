namespace AccountabilityBot.Core.Domain;

public enum StopItemStatus { Proposed, Agreed, KeptStopped, Reinstated }

/// <summary>
/// Something the company agreed to stop doing (S-n). Due for review = agreed and its review date reached. Kept stopped
/// and reinstated are final; keeping it with a next review date leaves it agreed with that new date.
/// </summary>
public sealed class StopItem
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Rationale { get; set; }
    public int? OwnerId { get; set; }
    public Member? Owner { get; set; }
    public StopItemStatus Status { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public int ProposedById { get; set; }
    public DateTime ProposedAt { get; set; }
    public DateTime? AgreedAt { get; set; }
    public int? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>The frontline pattern (F-n) it was proposed from, whose evidence shows why.</summary>
    public int? PatternId { get; set; }
    public FrontlinePattern? Pattern { get; set; }

    public bool IsDueForReview(DateOnly today) => Status == StopItemStatus.Agreed && ReviewOn is { } on && on <= today;
}
