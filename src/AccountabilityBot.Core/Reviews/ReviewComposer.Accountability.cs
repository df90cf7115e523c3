using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

// Leadership accountability: what we agreed to stop, what we promised and let slip, what we decided.
public static partial class ReviewComposer
{
    const string StopListHint = "`stop list` shows them all";

    static IEnumerable<MessageBlock> StopList(ReviewSnapshot s)
    {
        yield return Title("Stop list");
        if (s.StopsDue.Count == 0 && s.StopsProposed.Count == 0)
        {
            yield return Empty("Nothing on the stop list is due for review or waiting for agreement.");
            yield break;
        }
        if (s.StopsDue.Count == 0) yield return Empty("Nothing on the stop list is due for review.");
        foreach (var item in s.StopsDue.OrderBy(i => i.ReviewOn).ThenBy(i => i.Id).Take(MaxWithButtons))
        {
            var reference = Refs.Of(Refs.Stop, item.Id);
            yield return new TextBlock(StopLine(item, " · review due ", item.ReviewOn));
            yield return new ActionsBlock([new("Keep it stopped", $"stop keep {reference}"), new("Reinstate", $"stop reinstate {reference}")]);
        }
        if (s.StopsDue.Count > MaxWithButtons) yield return More(s.StopsDue.Count - MaxWithButtons, StopListHint);

        if (s.StopsProposed.Count == 0) yield break;
        yield return new TextBlock(RichText.Bold("Proposed, waiting for agreement"));
        foreach (var item in s.StopsProposed.OrderBy(i => i.Id).Take(MaxWithButtons))
        {
            yield return new TextBlock(StopLine(item, null, null));
            yield return new ActionsBlock([new("Agree to stop", $"stop agree {Refs.Of(Refs.Stop, item.Id)}", ButtonStyle.Primary)]);
        }
        if (s.StopsProposed.Count > MaxWithButtons) yield return More(s.StopsProposed.Count - MaxWithButtons, StopListHint);
    }

    static RichText StopLine(StopView item, string? dateLabel, DateOnly? date)
    {
        var spans = new List<Span> { new TextSpan(Refs.Of(Refs.Stop, item.Id), Bold: true), new TextSpan(" " + item.Title) };
        spans.Add(new TextSpan(" — owner "));
        spans.Add(item.Owner is null ? new TextSpan("not named yet") : Mention(item.Owner));
        if (dateLabel is not null && date is { } d) spans.AddRange([new TextSpan(dateLabel), new DateSpan(d)]);
        return new RichText(spans);
    }

    static IEnumerable<MessageBlock> OverdueCommitments(ReviewSnapshot s, int escalateAfterDays)
    {
        yield return Title("Overdue commitments");
        if (s.Overdue.Count == 0)
        {
            yield return Empty("No commitments are overdue.");
            yield break;
        }
        var today = s.Period.Today;
        var overdue = s.Overdue.OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToList();
        bool Escalated(OverdueView c) => !c.OwnerAway && Days(c, today) > escalateAfterDays;
        var escalated = overdue.Count(Escalated);
        var items = overdue.Select(c =>
        {
            var days = Days(c, today);
            var spans = new List<Span>();
            if (Escalated(c)) spans.Add(new TextSpan("🔺 "));
            spans.AddRange([new TextSpan(Refs.Of(Refs.Commitment, c.Id), Bold: true), new TextSpan($" {c.Title} — "), Mention(c.Owner)]);
            if (c.OwnerAway) spans.Add(new TextSpan(" · " + Availability.OwnerAwayNote(c.OwnerBackOn)));
            spans.Add(new TextSpan($" · {Format.Count(days, "day")} overdue · {Format.Status(c.Status)}{(c.Stage is null ? "" : " · " + c.Stage)}"));
            return new RichText(spans);
        }).ToList();
        foreach (var block in Bounded(items)) yield return block;
        if (escalated > 0)
            yield return new ContextBlock($"🔺 {Format.Count(escalated, "commitment")} overdue by more than " +
                $"{Format.Count(escalateAfterDays, "day")}: escalated to the whole leadership team.");
    }

    static int Days(OverdueView c, DateOnly today) => today.DayNumber - c.DueOn.DayNumber;

    static IEnumerable<MessageBlock> DecisionsThisWeek(ReviewSnapshot s)
    {
        yield return Title("Decisions this week");
        if (s.Decisions.Count == 0)
        {
            yield return Empty("No decisions recorded this week.");
            yield break;
        }
        var items = s.Decisions.Select(d => RichText.Of(
            new TextSpan(Refs.Of(Refs.Decision, d.Id), Bold: true), new TextSpan($" {Trim(d.Text, 200)} — "),
            new TextSpan(d.Owner is null ? "decided by " : "owner "), Mention(d.Owner ?? d.DecidedBy),
            new TextSpan(d.PromptedBy is null ? "" : $" · re {d.PromptedBy}"))).ToList();
        foreach (var block in Bounded(items)) yield return block;
    }

    // Shared by the CCO (scoreboard share on): every leader by name, a mirror rather than a ranking.
    static IEnumerable<MessageBlock> FollowThrough(FollowThroughReport report)
    {
        yield return Title(FollowThroughLines.Title(report));
        if (report.Leaders.Count == 0) yield return Empty("No executives yet.");
        else foreach (var block in Bounded(FollowThroughLines.Lines(report), more: "`scoreboard` lists everyone")) yield return block;
        yield return FollowThroughLines.Legend(report);
    }

    static MentionSpan Mention(Person p) => new(p.Platform, p.PlatformUserId, p.Name);
}
