using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commitments;

/// <summary>How a leader's follow-through reads, alike in <c>scoreboard</c>, <c>mine</c> and the weekly review.</summary>
public static class FollowThroughLines
{
    /// <summary>"Follow-through, Q4 2026 so far", or "Your follow-through, …" for a leader's own.</summary>
    public static string Title(FollowThroughReport report, bool yours = false) => $"{(yours ? "Your f" : "F")}ollow-through, {report.Quarter} so far";

    /// <summary>Who, then their numbers: one line each, in the order the report holds them (by name).</summary>
    public static IReadOnlyList<RichText> Lines(FollowThroughReport report) =>
        [.. report.Leaders.Select(f => RichText.Of(new MentionSpan(f.Who.Platform, f.Who.PlatformUserId, f.Who.Name),
            new TextSpan(" — " + Summary(f))))];

    /// <summary>
    /// "commitments: 2 kept on time, 3 kept late (2 with the date moved), 1 overdue, 0 dropped · decisions: … · prompts: 3 of
    /// 4 answered".
    /// </summary>
    public static string Summary(FollowThrough f) =>
        $"commitments: {f.KeptOnTime} kept on time, {f.KeptLate} kept late"
        + (f.KeptLateDateMoved > 0 ? $" ({f.KeptLateDateMoved} with the date moved)" : "")
        + $", {f.Overdue} overdue, {f.Dropped} dropped · decisions: "
        + (f.Decisions == 0 ? "none made"
            : f.DecisionCommitments == 0 ? $"{f.Decisions} made, no commitment cites them yet"
            : $"{f.Decisions} made, {f.DecisionCommitmentsDone} of {Format.Count(f.DecisionCommitments, "commitment")} from them done")
        + " · prompts: " + (f.PromptsAsked == 0 ? "none asked" : $"{f.PromptsAnswered} of {f.PromptsAsked} answered");

    public const string Own = "yours is here and in `mine`.";

    /// <summary>Who sees whose, said to someone who sees everyone's (or only their own) while it is shared (or not).</summary>
    public static string WhoSees(bool everyone, bool shared) => (everyone, shared) switch
    {
        (true, true) => "Shared by the CCO with the leadership team, and in the weekly review.",
        (true, false) => "Only you see everyone's; each leader sees their own with `scoreboard` or `mine`. "
            + "`scoreboard share on` shows everyone's to the executives and adds it to the weekly review.",
        _ => "Everyone's follow-through is the CCO's to share with the leadership team; " + Own,
    };

    /// <summary>What the numbers mean and what they are not.</summary>
    public const string Meaning = "Kept late: done after the due date first promised, in the owner's time zone, even if the "
        + "date was moved; overdue: as of today. Listed by name: each leader's own mirror, not a ranking.";

    public static ContextBlock Legend(FollowThroughReport report) => new(RichText.Of(
        new TextSpan("From "), new DateSpan(report.Range.From), new TextSpan(" to "), new DateSpan(report.Range.To),
        new TextSpan(". " + Meaning)));
}
