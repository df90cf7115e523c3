namespace AccountabilityBot.Core.Domain;

/// <summary>What leadership decided (D-n), who decided, who owns it, and what prompted it.</summary>
public sealed class Decision
{
    public int Id { get; set; }
    public required string Text { get; set; }
    public int DecidedById { get; set; }
    public Member DecidedBy { get; set; } = null!;
    public int? OwnerId { get; set; }
    public Member? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>Reference of the record that prompted it, e.g. "L-5" or "S-3".</summary>
    public string? PromptedBy { get; set; }
    public DateTime DecidedAt { get; set; }
}
