using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Reviews;

/// <summary>
/// Everything one weekly review shows, as plain data: totals are summed, but ordering and trimming are the
/// composer's job, so the composer can be tested with a hand-built snapshot. <see cref="Trend"/> is the 12 weeks ending
/// with the review's week, oldest first; without it the review draws no picture of the jar.
/// </summary>
public sealed record ReviewSnapshot(
    ReviewPeriod Period,
    CustomerTotals Week,
    CustomerTotals Quarter,
    StoryView? Story,
    IReadOnlyList<StopView> StopsDue,
    IReadOnlyList<StopView> StopsProposed,
    IReadOnlyList<OverdueView> Overdue,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<StageTally> Frontline,
    IReadOnlyList<Contributor> Contributors,
    IReadOnlyList<AnswerView> Answers,
    IReadOnlyList<TrendWeek>? Trend = null)
{
    /// <summary>The touchpoints the CCO watches; the section is left out until there is one.</summary>
    public IReadOnlyList<Touchpoints.TouchpointView> Reliability { get; init; } = [];

    /// <summary>Each leader's follow-through this quarter so far; null (the section left out) until the CCO shares it.</summary>
    public Dashboard.FollowThroughReport? FollowThrough { get; init; }
}

/// <summary>How many customers, and what they are worth a year.</summary>
public sealed record Tally(int Count, decimal Value)
{
    public static readonly Tally None = new(0, 0m);

    public Tally Add(decimal value) => new(Count + 1, Value + value);
}

/// <summary>Customer events of one period, summed.</summary>
public sealed record CustomerTotals(
    Tally Won, Tally Lost, Tally Renewed, Tally Referred,
    IReadOnlyList<ReasonTally> LostReasons,
    IReadOnlyList<ReasonTally> RenewalReasons,
    IReadOnlyList<GroupTally> Groups)
{
    public static readonly CustomerTotals Empty = new(Tally.None, Tally.None, Tally.None, Tally.None, [], [], []);
}

public sealed record ReasonTally(string Reason, int Count, decimal Value);

/// <summary>Renewals and referrals of one customer group; <see cref="Group"/> is "No group" for ungrouped customers.</summary>
public sealed record GroupTally(string Group, Tally Renewed, Tally Referred);

public sealed record Person(ChatPlatform Platform, string PlatformUserId, string Name)
{
    public static Person Of(Member m) => new(m.Platform, m.PlatformUserId, m.DisplayName);
}

public sealed record StoryView(int Id, string Customer, string? Group, DateOnly LostOn, decimal Value, string? Reason, string Narrative)
{
    /// <summary>From a story loaded with its event, customer and group.</summary>
    public static StoryView Of(LostStory s) => new(s.Id, s.Event.Customer.Name, s.Event.Customer.Group?.Name, s.Event.OccurredOn,
        s.Event.AnnualValue, s.Event.Reason, s.Narrative);
}

public sealed record StopView(int Id, string Title, Person? Owner, DateOnly? ReviewOn);

public sealed record OverdueView(int Id, string Title, Person Owner, DateOnly DueOn, string? Stage, CommitmentStatus Status)
{
    /// <summary>Its owner is away as the review is read: shown as such, not escalated.</summary>
    public bool OwnerAway { get; init; }
    /// <summary>The day the away owner is back; null: until they say `me back`.</summary>
    public DateOnly? OwnerBackOn { get; init; }
}

public sealed record DecisionView(int Id, string Text, Person DecidedBy, Person? Owner, string? PromptedBy);

/// <summary>Frontline resolutions at one journey stage; <see cref="Position"/> orders stages, unstaged last.</summary>
public sealed record StageTally(string Stage, int Position, int Count, decimal Cost);

public sealed record Contributor(Person Who, int Count);

public sealed record AnswerView(Person Who, string Question, string Answer, DateTime AnsweredAt);
