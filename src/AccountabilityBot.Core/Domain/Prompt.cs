namespace AccountabilityBot.Core.Domain;

/// <summary>A question the bot asked a member (P-n) and the answer captured.</summary>
public sealed class Prompt
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public required string Question { get; set; }
    public DateTime AskedAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
