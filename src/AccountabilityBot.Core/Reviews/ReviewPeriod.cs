using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;

namespace AccountabilityBot.Core.Reviews;

/// <summary>
/// What a review covers: the seven days ending yesterday (so a Monday review reports Monday–Sunday just gone),
/// and the quarter that week ends in, up to the week's last day.
/// </summary>
/// <param name="Today">The day the review is read, in <paramref name="Zone"/>; commitments and stop items are judged as of it.</param>
public sealed record ReviewPeriod(DateOnly Today, DateOnly WeekFrom, DateOnly WeekTo, DateOnly QuarterFrom, TimeZoneInfo Zone)
{
    public static ReviewPeriod EndingYesterday(DateOnly today, TimeZoneInfo zone)
    {
        var weekTo = today.AddDays(-1);
        return new ReviewPeriod(today, today.AddDays(-7), weekTo, DateRange.QuarterToDate(weekTo).From, zone);
    }

    /// <summary>Start of the week as a UTC instant, for records stamped with instants (decisions, resolutions, answers).</summary>
    public DateTime WeekStartUtc => StartOfDayUtc(WeekFrom);

    /// <summary>Exclusive end of the week: the start of <see cref="Today"/>.</summary>
    public DateTime WeekEndUtc => StartOfDayUtc(Today);

    /// <summary>
    /// Answers to prompts are shown from the previous review up to the moment this one is composed, not by calendar
    /// week: a leader who answers on review morning is in that morning's review. Unset, they follow the week.
    /// Inclusive, like <see cref="WeekStartUtc"/>; <see cref="AnswersUntilUtc"/> is exclusive.
    /// </summary>
    public DateTime? AnswersSinceUtc { get; init; }

    /// <inheritdoc cref="AnswersSinceUtc"/>
    public DateTime? AnswersUntilUtc { get; init; }

    /// <summary>The instant the review is read, at which owners are judged away or not; unset, the start of <see cref="Today"/>.</summary>
    public DateTime? AtUtc { get; init; }

    /// <summary>"16–22 Nov 2026", "30 Nov – 6 Dec 2026" or "28 Dec 2026 – 3 Jan 2027".</summary>
    public string WeekLabel => Format.Range(WeekFrom, WeekTo);

    /// <summary>"Q4 2026".</summary>
    public string QuarterLabel => DateRange.QuarterName(QuarterFrom);

    DateTime StartOfDayUtc(DateOnly day) => Clock.StartOfDayUtc(day, Zone);
}
