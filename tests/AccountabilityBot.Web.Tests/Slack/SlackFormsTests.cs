using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Web.Slack;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Core's forms as Slack modals: every field kind and every form renders within Slack's limits, and reads back.</summary>
public sealed class SlackFormsTests
{
    static readonly FormContext Context = new(["Discover", "Onboard", "Get help"], "Europe/London");

    // One element per kind; a new kind fails here until Slack is taught to render it.
    static readonly Dictionary<FieldKind, string> Elements = new()
    {
        [FieldKind.Text] = "plain_text_input", [FieldKind.LongText] = "plain_text_input", [FieldKind.Date] = "datepicker",
        [FieldKind.Person] = "users_select", [FieldKind.Choice] = "static_select", [FieldKind.Number] = "number_input",
        [FieldKind.Time] = "timepicker",
    };

    public static TheoryData<FieldKind> Kinds => new(Enum.GetValues<FieldKind>());

    public static TheoryData<string> Names => new(FormCatalog.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryFieldKind_RendersAsItsSlackInput(FieldKind kind)
    {
        var field = new FormField("f", "A field", kind) { Options = ["one", "two"], Min = 0 };
        var block = SlackForms.InputBlock(field, Context);
        Assert.Equal(("input", "f"), ((string?)block["type"], (string?)block["block_id"]));
        Assert.True(Elements.TryGetValue(kind, out var expected), $"No Slack element expected for {kind}");
        Assert.Equal(expected, (string?)block["element"]!["type"]);
        Assert.Equal(SlackForms.ValueActionId, (string?)block["element"]!["action_id"]);
    }

    [Fact]
    public void TextKinds_AreMultilineOnlyForLongText_AndKeepTheGrammarsLimit()
    {
        var line = SlackForms.InputBlock(new FormField("t", "T", FieldKind.Text), Context)["element"]!;
        var lines = SlackForms.InputBlock(new FormField("l", "L", FieldKind.LongText), Context)["element"]!;
        Assert.Equal((false, 500), ((bool)line["multiline"]!, (int)line["max_length"]!));
        Assert.Equal((true, 3000), ((bool)lines["multiline"]!, (int)lines["max_length"]!)); // Slack's own cap
    }

    [Fact]
    public void AChoiceWithNothingToChoose_IsTyped()
    {
        var stage = FormCatalog.Find("commit")!.Fields.Single(f => f.Id == "stage");
        Assert.Equal("static_select", (string?)SlackForms.InputBlock(stage, Context)["element"]!["type"]);
        Assert.Equal("plain_text_input", (string?)SlackForms.InputBlock(stage, Context with { Stages = [] })["element"]!["type"]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryForm_RendersAModalWithinSlacksLimits(string name)
    {
        var form = FormCatalog.Find(name)!;
        var view = SlackForms.View(form, Context, "C111");
        Assert.Equal(("modal", SlackForms.CallbackId), ((string?)view["type"], (string?)view["callback_id"]));
        Assert.InRange(((string)view["title"]!["text"]!).Length, 1, 24);
        Assert.InRange(((string)view["submit"]!["text"]!).Length, 1, 24);
        Assert.InRange(((string)view["private_metadata"]!).Length, 1, 3000);
        Assert.Equal(form.Name, SlackForms.ReadMetadata((string?)view["private_metadata"])!.Form);
        var blocks = view["blocks"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(form.Fields.Select(f => f.Id), blocks.Select(b => (string)b["block_id"]!));
        foreach (var block in blocks)
        {
            var field = form.Fields.Single(f => f.Id == (string)block["block_id"]!);
            Assert.Equal(!field.Required, (bool)block["optional"]!);
            Assert.InRange(((string)block["label"]!["text"]!).Length, 1, 2000);
            if (block["hint"] is { } hint) Assert.InRange(((string)hint["text"]!).Length, 1, 2000);
            var element = block["element"]!;
            if (element["placeholder"] is { } placeholder) Assert.InRange(((string)placeholder["text"]!).Length, 1, 150);
            if (element["max_length"] is { } max) Assert.InRange((int)max, 1, 3000);
            if (element["options"] is JsonArray options)
            {
                Assert.InRange(options.Count, 1, 100);
                Assert.All(options, o => Assert.InRange(((string)o!["value"]!).Length, 1, 150));
            }
        }
    }

    [Fact]
    public void Cadence_StartsInTheTeamsZone()
    {
        var view = SlackForms.View(FormCatalog.Find("cadence")!, Context, null);
        var zone = view["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == "zone")!;
        Assert.Equal("Europe/London", (string?)zone["element"]!["initial_value"]);
    }

    [Fact]
    public void Read_TakesEachElementsValue_AndAChosenPersonAsAMention()
    {
        var view = JsonDocument.Parse("""
            {"state":{"values":{
              "title":{"v":{"type":"plain_text_input","value":"Fix \"it\"\nnow"}},
              "due":{"v":{"type":"datepicker","selected_date":"2026-12-04"}},
              "owner":{"v":{"type":"users_select","selected_user":"UTOM"}},
              "stage":{"v":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Get help"},"value":"Get help"}}}}}}
            """).RootElement;
        var values = SlackForms.Read(FormCatalog.Find("commit")!, view);
        Assert.Equal(("Fix 'it' now", "2026-12-04", "<@UTOM>", "Get help"), (values["title"], values["due"], values["owner"], values["stage"]));
        var time = JsonDocument.Parse("""{"state":{"values":{"time":{"v":{"type":"timepicker","selected_time":"08:30"}}}}}""").RootElement;
        Assert.Equal("08:30", SlackForms.Read(FormCatalog.Find("cadence")!, time)["time"]);
    }
}
