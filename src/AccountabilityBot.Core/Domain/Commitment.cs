namespace AccountabilityBot.Core.Domain;

public enum CommitmentStatus { OnTrack, AtRisk, Blocked, Done, Dropped }

/// <summary>An improvement commitment (C-n): owner, due date, journey stage, status and its history.</summary>
public sealed class Commitment
{
    /// <summary>Every open status by name, so queries let the (Status, DueOn) index do the filtering.</summary>
    public static readonly CommitmentStatus[] OpenStatuses = [CommitmentStatus.OnTrack, CommitmentStatus.AtRisk, CommitmentStatus.Blocked];

    public int Id { get; set; }
    public required string Title { get; set; }
    public int OwnerId { get; set; }
    public Member Owner { get; set; } = null!;
    public DateOnly DueOn { get; set; }
    /// <summary>
    /// The due date first promised, kept when the date is first moved; null while it never has been (<see cref="DueOn"/> is
    /// it). On time or late is judged against it: moving the date does not make late work on time.
    /// </summary>
    public DateOnly? FirstDueOn { get; set; }
    public int? StageId { get; set; }
    public JourneyStage? Stage { get; set; }
    public CommitmentStatus Status { get; set; }
    public string? PromptedBy { get; set; }
    /// <summary>The touchpoint this commitment fixes ("own the fix" on a reliability alert, or re:T-n).</summary>
    public int? TouchpointId { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<CommitmentUpdate> Updates { get; set; } = [];

    public bool IsOpen => Status is not (CommitmentStatus.Done or CommitmentStatus.Dropped);

    /// <summary>Moves the due date, keeping the one first promised.</summary>
    public void MoveDueTo(DateOnly due)
    {
        if (due == DueOn) return;
        FirstDueOn ??= DueOn;
        DueOn = due;
    }

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;
    public int DaysOverdue(DateOnly today) => IsOverdue(today) ? today.DayNumber - DueOn.DayNumber : 0;
}

public sealed class CommitmentUpdate
{
    public int Id { get; set; }
    public int CommitmentId { get; set; }
    public CommitmentStatus Status { get; set; }
    public DateOnly? NewDueOn { get; set; }
    public string? Note { get; set; }
    public int ById { get; set; }
    public DateTime At { get; set; }
}
