using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Teams;

namespace AccountabilityBot.Web.Tests.Teams;

public sealed class TeamsFormsTests
{
    static readonly string[] Stages = ["Discover", "Onboard", "Get help"];

    public static TheoryData<string> Kinds => new(TeamsForms.Kinds.Append(""));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryForm_IsAValidAdaptiveCard15(string kind) => CardSchema.AssertValid(TeamsForms.Card(kind, Stages, "Europe/London"));

    [Theory]
    [InlineData("""{"form":"commit","title":"Fix the \"welcome\" emails","due":"2026-12-04","stage":"Get help"}""",
        "commit Fix the 'welcome' emails due:2026-12-04 stage:\"Get help\"")]
    [InlineData("""{"form":"commit","title":"No date"}""", null)]
    [InlineData("""{"form":"decide","text":"Waive the fee\nfor outage customers","due":"","re":"L-5"}""", "decide Waive the fee for outage customers re:L-5")]
    [InlineData("""{"form":"resolved","what":"Refunded shipping","customer":"ACME Dental","cost":"25"}""",
        "resolved \"Refunded shipping\" customer:\"ACME Dental\" cost:25")]
    [InlineData("""{"form":"story","customer":"ACME Dental","text":"Three missed deliveries."}""", "story \"ACME Dental\" \"Three missed deliveries.\"")]
    [InlineData("""{"form":"cadence","kind":"review","days":"mon","time":"08:00","zone":"Europe/London"}""", "cadence review mon 08:00 Europe/London")]
    [InlineData("""{"form":"launch-missiles"}""", null)]
    [InlineData("""{"command":"done C-7"}""", null)]
    public void SubmittedForm_BecomesTheCommandAnyoneCouldType(string value, string? command) =>
        Assert.Equal(command, TeamsForms.Command(JsonDocument.Parse(value).RootElement));

    [Theory]
    [InlineData("form", "")]
    [InlineData("Form commit", "commit")]
    [InlineData("form commit now", null)]
    [InlineData("formal", null)]
    public void Requested_ReadsFormAndItsKind(string text, string? kind) => Assert.Equal(kind, TeamsForms.Requested(text));

    [Fact]
    public void FormList_ButtonsAskForEachForm()
    {
        var commands = TeamsForms.Card("", Stages, "UTC")["actions"]!.AsArray().Select(a => a!["data"]!["command"]!.GetValue<string>());
        Assert.Equal(TeamsForms.Kinds.Select(k => "form " + k), commands);
    }
}
