using AccountabilityBot.Core.Cadence;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Cadence;

/// <summary>CadenceSetCommand holds a list, which records compare by reference, so its fields are asserted one by one.</summary>
public sealed class CadenceParseTests
{
    const string Week = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday";

    [Theory]
    [InlineData("cadence review mon 08:00 America/New_York", "review", "Monday", "08:00", "America/New_York")]
    [InlineData("cadence nudges daily 9am", "nudges", Week, "09:00", null)]
    [InlineData("cadence prompts every day 12am", "prompts", Week, "00:00", null)]
    [InlineData("cadence stops mon,thu 5:30pm Europe/Paris", "stops", "Monday,Thursday", "17:30", "Europe/Paris")]
    [InlineData("cadence stories weekdays 8:00", "stories", "Monday,Tuesday,Wednesday,Thursday,Friday", "08:00", null)]
    [InlineData("cadence review thu, mon 12pm", "review", "Monday,Thursday", "12:00", null)]
    [InlineData("cadence escalation fri 8 am UTC", "escalation", "Friday", "08:00", "UTC")]
    [InlineData("cadence REVIEW weekends 23:59 america/new_york", "review", "Saturday,Sunday", "23:59", "America/New_York")]
    public void Parse_CadenceSchedule_ReadsKindDaysTimeAndZone(string text, string kind, string days, string time, string? zone)
    {
        var result = Parse(text);

        Assert.True(result.Succeeded, result.Error);
        var command = Assert.IsType<CadenceSetCommand>(result.Command);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(days, string.Join(",", command.Days));
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), command.Time);
        Assert.Equal(zone, command.TimeZone);
    }
}
