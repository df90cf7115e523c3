namespace AccountabilityBot.Core.Domain;

/// <summary>An issue a frontline member resolved without waiting for approval (R-n).</summary>
public sealed class Resolution
{
    public int Id { get; set; }
    public required string What { get; set; }
    public string? CustomerName { get; set; }
    public int? StageId { get; set; }
    public JourneyStage? Stage { get; set; }
    public decimal? Cost { get; set; }
    public int ById { get; set; }
    public Member By { get; set; } = null!;
    public DateTime At { get; set; }
}
