using System.Text.Json;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Web.Teams;

namespace AccountabilityBot.Web.Tests.Teams;

public sealed class TeamsFormsTests
{
    static readonly FormContext Context = new(["Discover", "Onboard", "Get help"], "Europe/London");

    // One input per kind; a new kind fails here until Teams is taught to render it.
    static readonly Dictionary<FieldKind, string> Inputs = new()
    {
        [FieldKind.Text] = "Input.Text", [FieldKind.LongText] = "Input.Text", [FieldKind.Date] = "Input.Date",
        [FieldKind.Person] = "Input.Text", [FieldKind.Choice] = "Input.ChoiceSet", [FieldKind.Number] = "Input.Number",
        [FieldKind.Time] = "Input.Time",
    };

    public static TheoryData<string> Kinds => new(FormCatalog.All.Select(f => f.Name).Append(""));

    public static TheoryData<FieldKind> FieldKinds => new(Enum.GetValues<FieldKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryForm_IsAValidAdaptiveCard15(string kind)
    {
        CardSchema.AssertValid(TeamsForms.Card(kind, Context));
        CardSchema.AssertValid(TeamsForms.Card(kind, new FormContext([], "UTC")));
    }

    [Theory]
    [MemberData(nameof(FieldKinds))]
    public void EveryFieldKind_RendersAsItsInput_OnAValidCard(FieldKind kind)
    {
        var field = new FormField("f", "A field", kind) { Options = ["one", "two"], Min = 0, Hint = "Some help" };
        var rendered = TeamsForms.Field(field, Context).ToList();
        Assert.True(Inputs.TryGetValue(kind, out var expected), $"No Teams input expected for {kind}");
        Assert.Equal((expected, "f"), ((string?)rendered[0]["type"], (string?)rendered[0]["id"]));
        Assert.Equal("Some help", (string?)rendered[1]["text"]);
        var form = new FormSpec("test", "Test", "Test", [field], _ => new CommandLine("help"));
        CardSchema.AssertValid(TeamsForms.Card(form, Context));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryRequiredInput_IsCheckedOnTheCard(string kind)
    {
        var inputs = TeamsForms.Card(kind, Context)["body"]!.AsArray().Where(e => ((string)e!["type"]!).StartsWith("Input.", StringComparison.Ordinal));
        foreach (var input in inputs)
        {
            var field = FormCatalog.Find(kind)!.Fields.Single(f => f.Id == (string?)input!["id"]);
            Assert.Equal(field.Required, (bool)input!["isRequired"]!);
            if (field.Required) Assert.False(string.IsNullOrEmpty((string?)input["errorMessage"]), $"{kind}.{field.Id} has no errorMessage");
        }
    }

    [Theory]
    [InlineData("""{"form":"commit","title":"Fix the \"welcome\" emails","due":"2026-12-04","stage":"Get help"}""",
        "commit \"Fix the 'welcome' emails\" due:2026-12-04 stage:\"Get help\"")]
    [InlineData("""{"form":"commit","title":"No date"}""", null)]
    [InlineData("""{"form":"commit","title":"Call them","due":"2026-12-04","owner":"maria"}""", "commit \"Call them\" due:2026-12-04 owner:@maria")]
    [InlineData("""{"form":"decide","text":"Waive the fee\nfor outage customers","due":"","re":"L-5"}""",
        "decide \"Waive the fee for outage customers\" re:L-5")]
    [InlineData("""{"form":"resolved","what":"Refunded shipping","customer":"ACME Dental","cost":"25"}""",
        "resolved \"Refunded shipping\" customer:\"ACME Dental\" cost:25")]
    [InlineData("""{"form":"story","customer":"ACME Dental","text":"Three missed deliveries."}""", "story \"ACME Dental\" \"Three missed deliveries.\"")]
    [InlineData("""{"form":"cadence","kind":"review","days":"mon","time":"08:00","zone":"Europe/London"}""", "cadence review mon 08:00 Europe/London")]
    [InlineData("""{"form":"lost","customer":"ACME Dental","value":36000,"story":"Nobody called."}""",
        "lost \"ACME Dental\" value:36000 story:\"Nobody called.\"")]
    [InlineData("""{"form":"stop","title":"Cold calls"}""", "stop propose \"Cold calls\"")]
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
        var actions = TeamsForms.Card("", Context)["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet")
            .SelectMany(set => set!["actions"]!.AsArray()).ToList();
        var commands = actions.Select(a => a!["data"]!["command"]!.GetValue<string>());
        Assert.Equal(FormCatalog.All.Select(f => "form " + f.Name), commands);
        Assert.All(TeamsForms.Card("", Context)["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet"),
            set => Assert.InRange(set!["actions"]!.AsArray().Count, 1, 6)); // Teams shows at most six in a set
    }

    [Fact]
    public void Cadence_StartsInTheTeamsZone()
    {
        var zone = TeamsForms.Card("cadence", Context)["body"]!.AsArray().Single(e => (string?)e!["id"] == "zone")!;
        Assert.Equal("Europe/London", (string?)zone["value"]);
    }
}
