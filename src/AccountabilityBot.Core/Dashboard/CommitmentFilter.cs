using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>The commitment board's filters, as they stand in its URL: <c>?owner=3&amp;stage=2&amp;status=overdue</c>.</summary>
/// <param name="Status">One of <see cref="Statuses"/>; open commitments unless another is asked for.</param>
public sealed record CommitmentFilter(int? OwnerId = null, int? StageId = null, string Status = CommitmentFilter.Open)
{
    public const string Open = "open", Overdue = "overdue", Escalated = "escalated", All = "all";

    /// <summary>Every status word the board accepts, with how a person reads it.</summary>
    public static readonly IReadOnlyList<(string Word, string Label)> Statuses =
    [
        (Open, "Open"), (Overdue, "Overdue"), (Escalated, "Escalated"), ("on-track", "On track"), ("at-risk", "At risk"),
        ("blocked", "Blocked"), ("done", "Done"), ("dropped", "Dropped"), (All, "All"),
    ];

    /// <summary>The filter from the URL's words; an unknown status word is read as <see cref="Open"/>.</summary>
    public static CommitmentFilter Read(int? owner, int? stage, string? status) =>
        new(owner, stage, status is not null && Statuses.Any(s => s.Word == status) ? status : Open);

    /// <summary>The one stored status a word names, or null for open, overdue, escalated and all.</summary>
    public CommitmentStatus? Exact => Enum.GetValues<CommitmentStatus>().Cast<CommitmentStatus?>()
        .FirstOrDefault(s => Cadence.Posts.EscalationPosts.StatusWord(s!.Value) == Status);
}

/// <summary>A commitment on the board: overdue and escalated are judged as of the team's today.</summary>
public sealed record CommitmentCard(int Id, string Title, int OwnerId, Person Owner, string? Stage, CommitmentStatus Status, DateOnly DueOn,
    int DaysOverdue, bool Escalated, string? PromptedBy, RecordLink? Prompt, IReadOnlyList<UpdateView> Updates)
{
    /// <summary>"owner away until Mon 28 Dec 2026" while the owner is away (then never escalated); else null.</summary>
    public string? OwnerAway { get; init; }
}

/// <summary>One entry of a commitment's history, oldest first.</summary>
public sealed record UpdateView(DateTime At, CommitmentStatus Status, DateOnly? NewDueOn, string? Note, string By);

/// <summary>One row of the board's overview: a person's or a journey stage's commitments, counted.</summary>
public sealed record BoardLane(int? Id, string Name, int Open, int Overdue, int Escalated, int Closed);

/// <summary>The board: lanes by owner and by stage over every commitment, and one page of the filtered ones.</summary>
public sealed record CommitmentBoard(CommitmentFilter Filter, DateOnly Today, int EscalateAfterDays,
    IReadOnlyList<BoardLane> Owners, IReadOnlyList<BoardLane> Stages, Paged<CommitmentCard> Cards);
