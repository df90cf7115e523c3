using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>Who may run each form, as the verbs' routes say; where a verb's forms differ, each form is listed.</summary>
public sealed class RolePolicyTests
{
    [Theory]
    [InlineData("help", Role.Frontline)]
    [InlineData("decide Waive the fee", Role.Executive)]
    [InlineData("commit Fix it due:friday", Role.Executive)]
    [InlineData("update C-7 at-risk", Role.Frontline)]
    [InlineData("done C-7", Role.Frontline)]
    [InlineData("mine", Role.Frontline)]
    [InlineData("stop", Role.Frontline)]
    [InlineData("stop propose \"Approvals\"", Role.Frontline)]
    [InlineData("stop agree S-3", Role.Executive)]
    [InlineData("stop reinstate S-3", Role.Executive)]
    [InlineData("resolved \"Refunded shipping\"", Role.Frontline)]
    [InlineData("lost \"ACME\" value:1000", Role.Executive)]
    [InlineData("won \"ACME\" value:1000", Role.Executive)]
    [InlineData("referral \"ACME\"", Role.Executive)]
    [InlineData("story", Role.Frontline)]
    [InlineData("story L-5", Role.Frontline)]
    [InlineData("story \"ACME\" \"what happened\"", Role.Frontline)]
    [InlineData("story L-5 \"what happened\"", Role.Executive)]
    [InlineData("story pick L-5", Role.Cco)]
    [InlineData("jar", Role.Frontline)]
    [InlineData("why lost", Role.Frontline)]
    [InlineData("review", Role.Executive)]
    [InlineData("cadence", Role.Frontline)]
    [InlineData("cadence review mon 08:00", Role.Cco)]
    [InlineData("cadence review pause", Role.Cco)]
    [InlineData("cadence review preview", Role.Cco)]
    [InlineData("cadence review send", Role.Cco)]
    [InlineData("role", Role.Frontline)]
    [InlineData("role @tom executive", Role.Cco)]
    [InlineData("stage", Role.Frontline)]
    [InlineData("stage add Support", Role.Cco)]
    [InlineData("stage remove Support", Role.Cco)]
    [InlineData("channel", Role.Frontline)]
    [InlineData("channel leadership", Role.Cco)]
    [InlineData("channel remove", Role.Cco)]
    [InlineData("me away", Role.Frontline)]
    [InlineData("answer \"because\"", Role.Frontline)]
    [InlineData("apikey", Role.Cco)]
    [InlineData("apikey create hubspot", Role.Cco)]
    public void Required_EachForm_NeedsItsRole(string text, Role expected)
    {
        var command = Parse(text).Command!;

        Assert.Equal(expected, RolePolicy.Required(command));
    }
}
