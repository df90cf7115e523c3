using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>Bad story, cadence, roster and settings commands fail naming the problem.</summary>
public sealed class ParserAdminErrorTests
{
    [Theory]
    // story.
    [InlineData("story C-7", "C-7 is a commitment; story takes a lost-story reference like L-5")]
    [InlineData("story \"ACME\"", "What's the story?")]
    [InlineData("story pick", "story pick takes a lost-story reference like L-5")]
    [InlineData("story ACME was sad", "customer name in quotes")]
    // cadence, role, channel, stage, me, answer, no-argument verbs.
    [InlineData("cadence reveiw mon 08:00", "Did you mean `review`?")]
    [InlineData("cadence review mon 25:00", "25:00 isn't a real time")]
    [InlineData("cadence review mon 8:75am", "8:75am isn't a real time")]
    [InlineData("cadence review mon 08:00 Mars/Olympus", "I don't know the time zone 'Mars/Olympus'; use an IANA name like America/New_York")]
    [InlineData("cadence review mnday 08:00", "I don't know the day 'mnday'")]
    [InlineData("cadence review 08:00", "Which days?")]
    [InlineData("cadence review mon", "What time should review go out?")]
    [InlineData("cadence review", "When should review go out?")]
    [InlineData("cadence review mon 08:00 UTC extra", "I didn't expect 'extra'")]
    [InlineData("role @tom boss", "'boss' isn't a role")]
    [InlineData("role @tom", "Which role for @tom?")]
    [InlineData("role tom executive", "role needs a person like @maria")]
    [InlineData("channel sales", "use leadership, frontline or remove")]
    [InlineData("channel leadrship", "Did you mean `leadership`?")]
    [InlineData("channel remove C1 C2", "doesn't take anything else; I didn't expect 'C2'")]
    [InlineData("channel leadership now", "doesn't take anything else; I didn't expect 'now'")]
    [InlineData("stage rename Onboard", "stage rename takes the old name and the new one")]
    [InlineData("stage add", "Which stage?")]
    [InlineData("stage frobnicate", "use add, remove, rename or list")]
    [InlineData("me tz:Mars/Olympus", "I don't know the time zone 'Mars/Olympus'")]
    [InlineData("me tz:../../etc/passwd", "I don't know the time zone")]
    [InlineData("me sideways", "I didn't expect 'sideways'")]
    [InlineData("me away back", "not both")]
    [InlineData("me away until:2026-02-30", "2026-02-30 is not a real date")]
    [InlineData("me from:2026-12-20", "Dates go with away")]
    [InlineData("me quiet 19:00 08:00", "Quiet hours need an end as well as a start")]
    [InlineData("me quiet 7pm-8", "'8' isn't a time")]
    [InlineData("me quiet off quiet 19:00-08:00", "You gave quiet twice")]
    [InlineData("answer", "What's your answer?")]
    [InlineData("answer P-4", "What's your answer?")]
    [InlineData("mine please", "`mine` doesn't take anything else")]
    [InlineData("review now", "`review` doesn't take anything else")]
    public void Parse_BadAdminInput_FailsNamingTheProblem(string text, string expectedInError)
    {
        var result = Parse(text);

        Assert.False(result.Succeeded);
        Assert.Null(result.Command);
        Assert.Contains(expectedInError, result.Error);
    }
}
