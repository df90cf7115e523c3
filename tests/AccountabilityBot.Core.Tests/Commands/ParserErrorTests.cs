using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>Bad input fails with an error that names the actual problem (today is 2026-11-26).</summary>
public sealed class ParserErrorTests
{
    [Theory]
    // Empty, unknown, malformed.
    [InlineData("", "Try `help`")]
    [InlineData("   \n\t ", "Try `help`")]
    [InlineData("/cx", "Try `help`")]
    [InlineData("dcide Ship it", "I don't know the command 'dcide'. Did you mean `decide`?")]
    [InlineData("comit Fix it due:friday", "Did you mean `commit`?")]
    [InlineData("xyzzy plugh", "I don't know the command 'xyzzy'. Try `help`.")]
    [InlineData("due:friday commit Fix it", "I don't know the command 'due:friday'")]
    [InlineData("decide \"Ship it owner:@tom", "opening quote")]
    [InlineData("decide 🎉🎉 !!", "needs at least one letter or number")]
    [InlineData("help dcide", "Did you mean `decide`?")]
    // decide / commit.
    [InlineData("decide", "What did you decide?")]
    [InlineData("decide owner:@maria", "What did you decide?")]
    [InlineData("commit Fix the onboarding emails", "When is it due? Add due:friday or due:2026-12-15")]
    [InlineData("commit due:friday", "What are you committing to?")]
    [InlineData("decide Ship it due:2026-02-30", "2026-02-30 is not a real date")]
    [InlineData("decide Ship it due:2026-13-01", "2026-13-01 is not a real date")]
    [InlineData("commit Fix it due:feb 30", "feb 30 is not a real date")]
    [InlineData("decide Ship it due:2026-01-02", "due date 2026-01-02 is in the past")]
    [InlineData("commit Fix it due:yesterday", "due date 2026-11-25 is in the past")]
    [InlineData("commit Fix it due:2032-01-01", "2032-01-01 is more than 5 years away")]
    [InlineData("decide Ship it due:in 10 years", "more than 5 years away")]
    [InlineData("commit Fix it due:someday", "I couldn't read 'someday' as a date")]
    [InlineData("commit Fix it due:in 2 fortnights", "I couldn't read 'in 2 fortnights' as a date")]
    [InlineData("decide Ship it ownr:@maria", "Unknown option 'ownr:' — did you mean 'owner:'?")]
    [InlineData("commit Fix it due:friday stge:Onboard", "Unknown option 'stge:' — did you mean 'stage:'?")]
    [InlineData("commit Fix it du:friday", "did you mean 'due:'?")]
    [InlineData("decide Ship it owner:@ana owner:@tom", "You gave owner: twice")]
    [InlineData("commit Fix it due:friday due:monday", "You gave due: twice")]
    [InlineData("decide Ship it owner:", "owner: needs a value")]
    [InlineData("commit Fix it due:friday re:", "re: needs a value")]
    [InlineData("decide Ship it owner:maria", "owner: must be a person like @maria")]
    [InlineData("commit Fix it due:friday owner:@bad!name", "'@bad!name' isn't one")]
    [InlineData("decide Ship it re:X-9", "re: takes a reference like L-5")]
    // update / done.
    [InlineData("done D-3", "D-3 is a decision; done takes a commitment reference like C-7")]
    [InlineData("done", "done takes a commitment reference like C-7")]
    [InlineData("done banana", "'banana' isn't one")]
    [InlineData("update S-3 blocked", "S-3 is a stop item; update takes a commitment reference")]
    [InlineData("update C-7", "on-track, at-risk, blocked, done or dropped")]
    [InlineData("update C-7 sideways", "'sideways' isn't a status")]
    [InlineData("update C-7 at-rsk", "Did you mean `at-risk`?")]
    [InlineData("update C-7 blocked due:yesterday", "due date 2026-11-25 is in the past")]
    // stop.
    [InlineData("stop propose", "What should we stop doing?")]
    [InlineData("stop propse \"Weekly deck\"", "Did you mean `propose`?")]
    [InlineData("stop agree", "stop agree takes a stop item reference like S-3")]
    [InlineData("stop keep C-7", "C-7 is a commitment")]
    [InlineData("stop agree S-3 soon", "I didn't expect 'soon'")]
    [InlineData("stop propose \"Weekly deck\" review:2020-01-01", "review date 2020-01-01 is in the past")]
    [InlineData("stop list now", "doesn't take anything else")]
    // resolved and customer events.
    [InlineData("resolved", "What was resolved?")]
    [InlineData("resolved \"Refund\" cost:-5", "cost can't be negative")]
    [InlineData("resolved \"Refund\" cost:abc", "cost must be a number like 36000")]
    [InlineData("lost \"ACME\" value:-36000", "value can't be negative")]
    [InlineData("lost \"ACME\" value:lots", "value must be a number like 36000")]
    [InlineData("lost \"ACME\" value:3,60", "value must be a number")]
    [InlineData("lost \"ACME\" value:2000000000000", "value is too large")]
    [InlineData("lost \"ACME\" reason:\"late\"", "Add value:36000")]
    [InlineData("renewed ACME", "Add value:36000")]
    [InlineData("lost value:36000", "Which customer?")]
    [InlineData("won \"ACME\" value:1 story:\"great demo\"", "story: only goes with `lost`")]
    [InlineData("won \"ACME\" value:10 by:\"Bob\"", "by: only goes with `referral`")]
    [InlineData("lost \"ACME\" value:1 on:2026-12-25", "2026-12-25 is in the future")]
    [InlineData("lost \"ACME\" value:1 valeu:2", "did you mean 'value:'?")]
    public void Parse_BadInput_FailsNamingTheProblem(string text, string expectedInError)
    {
        var result = Parse(text);

        Assert.False(result.Succeeded);
        Assert.Null(result.Command);
        Assert.Contains(expectedInError, result.Error);
    }

    [Fact]
    public void Parse_Null_FailsPointingAtHelp()
    {
        var result = Parse(null);

        Assert.False(result.Succeeded);
        Assert.Contains("help", result.Error);
    }

    [Fact]
    public void Parse_OverFourThousandCharacters_SaysHowLong()
    {
        var result = Parse("decide " + new string('a', 4_000));

        Assert.False(result.Succeeded);
        Assert.Equal("That message is too long (4,007 characters); keep commands under 4,000.", result.Error);
    }

    [Fact]
    public void Parse_VerbError_ShowsThatVerbsUsageWithExample()
    {
        var result = Parse("commit Fix the emails");

        Assert.NotNull(result.Usage);
        Assert.StartsWith("commit TITLE due:DATE", result.Usage);
        Assert.Contains("Example: commit ", result.Usage);
    }

    [Fact]
    public void Parse_MisspelledVerb_ShowsUsageOfTheSuggestion()
    {
        var result = Parse("dcide Ship it");

        Assert.StartsWith("decide TEXT", result.Usage);
    }
}
