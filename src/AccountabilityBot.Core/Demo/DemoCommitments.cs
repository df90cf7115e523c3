using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>
/// Eight commitments that exercise every part of the review: two on track, one at risk, one blocked, one done,
/// and three overdue (still marked on track, as overdue work usually is), one of them past the escalation threshold.
/// </summary>
internal static class DemoCommitments
{
    sealed record Spec(string Owner, string Title, string Stage, int DueInDays, CommitmentStatus Status, int CreatedDaysAgo,
        int? Story, string? LaterNote);

    static readonly Spec[] Specs =
    [
        new("maria", "Call every customer with a missed delivery within 24 hours", "Delivery", 10, CommitmentStatus.OnTrack, 4, 0, null),
        new("tom", "Add a duplicate check to the monthly billing run", "Use", 21, CommitmentStatus.OnTrack, 2, 1,
            "Finance has the test data; first dry run next Tuesday."),
        new("li", "Give every new clinic one named trainer from signing to go-live", "Onboard", 5, CommitmentStatus.AtRisk, 20, 2,
            "Two trainers are on leave this month; go-live dates are slipping."),
        new("sam", "Show agents the customer's ticket history on every call", "Get help", 14, CommitmentStatus.Blocked, 25, 4,
            "Blocked: waiting on the phone system vendor for API access."),
        new("priya", "Call the owner before any price change at renewal", "Renew", -3, CommitmentStatus.Done, 30, 3,
            "Done: renewal calls are now on every account owner's checklist."),
        new("maria", "Publish delivery windows on the order page", "Delivery", -12, CommitmentStatus.OnTrack, 40, null, null),
        new("tom", "Send account owners a weekly list of failed payments", "Use", -3, CommitmentStatus.OnTrack, 28, null,
            "Report drafted; needs a sign-off from finance."),
        new("sam", "Return every call-back request the same day", "Get help", -2, CommitmentStatus.OnTrack, 18, null, null),
    ];

    public static List<Commitment> Build(DemoCast cast, IReadOnlyList<JourneyStage> stages, IReadOnlyList<LostStory> stories, DemoDates dates) =>
        [.. Specs.Select(s => Build(s, cast, stages, stories, dates))];

    static Commitment Build(Spec s, DemoCast cast, IReadOnlyList<JourneyStage> stages, IReadOnlyList<LostStory> stories, DemoDates dates)
    {
        var owner = cast[s.Owner];
        var created = dates.At(s.CreatedDaysAgo, 10);
        var updates = new List<CommitmentUpdate>
        {
            new() { Status = CommitmentStatus.OnTrack, Note = "Committed in the weekly review.", ById = owner.Id, At = created },
        };
        // The latest update explains the current status, a few days before today.
        var updatedDaysAgo = Math.Max(1, s.CreatedDaysAgo / 3);
        if (s.LaterNote is not null)
            updates.Add(new() { Status = s.Status, Note = s.LaterNote, ById = owner.Id, At = dates.At(updatedDaysAgo, 15) });

        return new Commitment
        {
            Title = s.Title,
            OwnerId = owner.Id,
            DueOn = dates.Day(s.DueInDays),
            StageId = stages.FirstOrDefault(st => st.Name == s.Stage)?.Id,
            Status = s.Status,
            PromptedBy = s.Story is { } i && i < stories.Count ? Refs.Of(Refs.LostStory, stories[i].Id) : null,
            CreatedById = cast.Cco.Id,
            CreatedAt = created,
            ClosedAt = s.Status is CommitmentStatus.Done or CommitmentStatus.Dropped ? dates.At(updatedDaysAgo, 15) : null,
            Updates = updates,
        };
    }
}
