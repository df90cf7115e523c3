using AccountabilityBot.Core.Grammar;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Grammar;

/// <summary>Today is Thursday 2026-11-26.</summary>
public sealed class DateWordsTests
{
    [Theory]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("2027-1-5", "2027-01-05")]
    [InlineData("today", "2026-11-26")]
    [InlineData("tomorrow", "2026-11-27")]
    [InlineData("yesterday", "2026-11-25")]
    [InlineData("thursday", "2026-11-26")] // a weekday is on or after today
    [InlineData("thu", "2026-11-26")]
    [InlineData("fri", "2026-11-27")]
    [InlineData("Friday", "2026-11-27")]
    [InlineData("wednesday", "2026-12-02")]
    [InlineData("sun", "2026-11-29")]
    [InlineData("next thursday", "2026-12-03")] // "next" is strictly after today
    [InlineData("next monday", "2026-11-30")]
    [InlineData("next fri", "2026-11-27")]
    [InlineData("last friday", "2026-11-20")]
    [InlineData("last thursday", "2026-11-19")]
    [InlineData("last wed", "2026-11-25")]
    [InlineData("in 2 weeks", "2026-12-10")]
    [InlineData("in 3 days", "2026-11-29")]
    [InlineData("in 1 month", "2026-12-26")]
    [InlineData("in a week", "2026-12-03")]
    [InlineData("in 1 year", "2027-11-26")]
    [InlineData("dec 15", "2026-12-15")]
    [InlineData("15 dec", "2026-12-15")]
    [InlineData("December 15", "2026-12-15")]
    [InlineData("15th dec", "2026-12-15")]
    [InlineData("dec 15 2027", "2027-12-15")]
    [InlineData("december 15, 2027", "2027-12-15")]
    [InlineData("nov 26", "2026-11-26")] // today still counts
    [InlineData("nov 1", "2027-11-01")] // already passed this year
    [InlineData("feb 29", "2028-02-29")] // the next leap day
    [InlineData("sept 3", "2027-09-03")]
    [InlineData("eow", "2026-11-27")]
    [InlineData("end of week", "2026-11-27")]
    [InlineData("eom", "2026-11-30")]
    [InlineData("end of month", "2026-11-30")]
    public void Read_DateWords_ResolvesRelativeToToday(string phrase, string expected)
    {
        var date = DateWords.Read(phrase, Today, out var problem);

        Assert.Null(problem);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("2026-02-30", "2026-02-30 is not a real date")]
    [InlineData("2025-02-29", "2025-02-29 is not a real date")]
    [InlineData("2026-13-01", "2026-13-01 is not a real date")]
    [InlineData("0000-01-01", "0000-01-01 is not a real date")]
    [InlineData("feb 30", "feb 30 is not a real date")]
    [InlineData("31 april", "april 31 is not a real date")]
    [InlineData("feb 29 2027", "feb 29 2027 is not a real date")]
    [InlineData("in 99999 months", "too far ahead")]
    public void Read_ImpossibleDate_ExplainsWhy(string phrase, string expectedProblem)
    {
        var date = DateWords.Read(phrase, Today, out var problem);

        Assert.Null(date);
        Assert.Contains(expectedProblem, problem);
    }

    [Theory]
    [InlineData("someday")]
    [InlineData("in 2 fortnights")]
    [InlineData("next")]
    [InlineData("dec")]
    [InlineData("15")]
    [InlineData("next dec")]
    [InlineData("dec 15 27")]
    [InlineData("2026-12-15x")]
    [InlineData("")]
    public void Read_NotADate_ReturnsNullWithoutProblem(string phrase)
    {
        var date = DateWords.Read(phrase, Today, out var problem);

        Assert.Null(date);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("in 2 weeks")]
    [InlineData("dec 15")]
    [InlineData("next monday")]
    public void Read_AtTheEndOfTheCalendar_ReturnsNullInsteadOfThrowing(string phrase)
    {
        var date = DateWords.Read(phrase, DateOnly.MaxValue, out _);

        Assert.Null(date);
    }
}
