using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Buttons and modals: a click runs its command once, AskFor buttons ask in a modal first.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackInteractionTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    static JsonObject Click(string actionId, string value, string user = "UANA")
    {
        var payload = FakeSlack.Fixture("block_actions_message_button.json");
        payload["user"]!["id"] = user;
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["value"] = value;
        return payload;
    }

    [Fact]
    public async Task BlockAction_DoubleClick_RecordsOnceAndAnswersOnceThroughResponseUrl()
    {
        await host.CommandAsync("commit Fix onboarding due:2026-12-11");
        var first = await host.InteractAsync(Click("cx_run_0", "update C-1 at-risk"));
        var second = await host.InteractAsync(Click("cx_run_0", "update C-1 at-risk"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));

        var answer = await Eventually.Async(async () => host.Slack.Of("response_url").FirstOrDefault(), what: "the click's answer");
        Assert.False((bool)answer.Args["replace_original"]!);
        await Task.Delay(600);
        Assert.Single(host.Slack.Of("response_url"));
        Assert.Equal(1, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync(r => r.Text == "update C-1 at-risk")));
        Assert.Equal(1, await host.App.WithDbAsync(db => db.CommitmentUpdates.CountAsync()));
    }

    [Fact]
    public async Task AskButton_OpensAModalAndItsSubmissionRunsTheFilledCommand()
    {
        var value = new JsonObject { ["q"] = "What did leadership decide?", ["c"] = "decide {answer}" }.ToJsonString();
        await host.InteractAsync(Click("cx_ask_0", value));
        var open = Assert.Single(host.Slack.Of("views.open"));
        Assert.Equal("111.222.valid", (string?)open.Args["trigger_id"]);
        var view = open.Args["view"]!.AsObject();
        Assert.Equal("What did leadership decide?", (string?)view["blocks"]![0]!["label"]!["text"]);

        var blank = await host.InteractAsync(Submission(view, "   "));
        Assert.Contains("\"response_action\":\"errors\"", await blank.Content.ReadAsStringAsync());

        var saved = await host.InteractAsync(Submission(view, "Waive the \"late\" fee"));
        Assert.Equal("", await saved.Content.ReadAsStringAsync());
        var ephemeral = await Eventually.Async(async () => host.Slack.Of("chat.postEphemeral").FirstOrDefault(), what: "the answer");
        Assert.Equal(("C111", "UANA"), ((string?)ephemeral.Args["channel"], (string?)ephemeral.Args["user"]));
        var decided = await host.App.WithDbAsync(db => db.ReceivedCommands.Select(r => r.Text).ToListAsync());
        Assert.Contains("decide Waive the 'late' fee", decided);
    }

    [Fact]
    public async Task ViewSubmission_ARefusedCommand_KeepsTheModalOpenWithTheReason()
    {
        var view = SlackAnswerModal.View(new("stop keep {answer}", "C111"), "Which item?");
        var response = await host.InteractAsync(Submission(view, "S-99"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains("⚠️", (string?)body["errors"]![SlackAnswerModal.BlockId]);
    }

    [Fact]
    public async Task EmptyCommand_OffersAMenuWhoseCommitmentFormRecordsACommitment()
    {
        var menu = await host.CommandAsync("");
        var button = menu["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Single(e => (string?)e!["type"] == "button" && (string?)e["text"]!["text"] == "Make a commitment")!;
        await host.InteractAsync(Click((string)button["action_id"]!, (string)button["value"]!));
        var view = Assert.Single(host.Slack.Of("views.open")).Args["view"]!.AsObject();
        Assert.Equal(["title", "due", "owner", "stage"], view["blocks"]!.AsArray().Select(b => (string)b!["block_id"]!));
        var stages = view["blocks"]![3]!["element"]!["options"]!.AsArray().Select(o => (string)o!["value"]!);
        Assert.Equal(JourneyStage.Defaults, stages); // read from the database as the modal opened

        var response = await host.InteractAsync(Form(view,
            ("title", "value", "Call every \"lost\" clinic"), ("due", "selected_date", "2026-12-04"), ("owner", "selected_user", "UTOM")));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var commitment = await host.App.WithDbAsync(db => db.Commitments.Include(c => c.Owner).SingleAsync());
        Assert.Equal(("Call every 'lost' clinic", new DateOnly(2026, 12, 4), "UTOM"), (commitment.Title, commitment.DueOn, commitment.Owner.PlatformUserId));
    }

    [Fact]
    public async Task Form_ARefusedField_IsReportedUnderThatField()
    {
        var view = SlackForms.View(FormCatalog.Find("commitment")!, Stages, "C111");
        var response = await host.InteractAsync(Form(view, ("title", "value", "Fix onboarding"), ("due", "selected_date", "2026-01-05")));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.True(body["errors"]!["due"] is not null, body.ToJsonString());
        Assert.Equal(0, await host.App.WithDbAsync(db => db.Commitments.CountAsync()));
    }

    [Fact]
    public async Task Form_LostCustomer_RecordsTheStory()
    {
        var view = SlackForms.View(FormCatalog.Find("lost")!, Stages, "C111");
        await host.InteractAsync(Form(view, ("customer", "value", "ACME Dental"), ("value", "value", "36000"), ("reason", "value", "missed deliveries"),
            ("story", "value", "Three missed deliveries.\nNobody called.")));
        var story = await host.App.WithDbAsync(db => db.LostStories.SingleAsync());
        Assert.Equal("Three missed deliveries. Nobody called.", story.Narrative);
    }

    static readonly FormContext Stages = new(["Onboard", "Get help"], "UTC");

    [Fact]
    public async Task EmptyCommand_MenuOffersEveryForm()
    {
        var menu = await host.CommandAsync("");
        var forms = menu["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Where(e => ((string?)e!["action_id"])?.StartsWith(SlackForms.ActionPrefix, StringComparison.Ordinal) == true)
            .Select(e => (string)e!["value"]!);
        Assert.Equal(["commit", "decide", "resolved", "lost", "stop", "story", "cadence"], forms);
        BlockKitLimits.AssertWithin(menu["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Form_Story_TellsTheLostCustomersStory()
    {
        await host.CommandAsync("lost \"ACME Dental\" value:36000");
        await host.InteractAsync(Click(SlackForms.ActionPrefix + "story", "story"));
        var view = Assert.Single(host.Slack.Of("views.open")).Args["view"]!.AsObject();
        var response = await host.InteractAsync(Form(view,
            ("customer", "value", "ACME Dental"), ("text", "value", "Three missed \"deliveries\".\nNobody called.")));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var story = await host.App.WithDbAsync(db => db.LostStories.Include(s => s.Event).ThenInclude(e => e.Customer).SingleAsync());
        Assert.Equal(("ACME Dental", "Three missed 'deliveries'. Nobody called."), (story.Event.Customer.Name, story.Narrative));
    }

    [Fact]
    public async Task Form_Cadence_OpensInTheTeamsZoneAndSetsTheSchedule()
    {
        await host.CommandAsync("help"); // UANA speaks first, so is the CCO
        await host.InteractAsync(Click(SlackForms.ActionPrefix + "cadence", "cadence"));
        var view = Assert.Single(host.Slack.Of("views.open")).Args["view"]!.AsObject();
        var zone = view["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == "zone")!;
        Assert.Equal("UTC", (string?)zone["element"]!["initial_value"]);

        var response = await host.InteractAsync(Form(view, ("kind", "selected_option", new JsonObject { ["value"] = "stories" }),
            ("days", "selected_option", new JsonObject { ["value"] = "weekdays" }), ("time", "selected_time", "07:30"), ("zone", "value", "Europe/Paris")));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var cadence = await host.App.WithDbAsync(db => db.CadenceSettings.SingleAsync(c => c.Kind == "stories"));
        Assert.Equal((new TimeOnly(7, 30), "Europe/Paris"), (cadence.LocalTime, cadence.TimeZone));
    }

    [Fact]
    public async Task Form_OpenedBeforeTheUpgrade_UnderItsFormerName_StillRecords()
    {
        // The old commitment modal: named "commitment", with the stage typed rather than chosen.
        var view = SlackForms.View(FormCatalog.Find("commit")!, new FormContext([], "UTC"), "C111");
        view["private_metadata"] = new JsonObject { ["form"] = "commitment", ["channel"] = "C111" }.ToJsonString();
        await host.InteractAsync(Form(view, ("title", "value", "Call every clinic"), ("due", "selected_date", "2026-12-04"), ("stage", "value", "Onboard")));
        var commitment = await host.App.WithDbAsync(db => db.Commitments.Include(c => c.Stage).SingleAsync());
        Assert.Equal(("Call every clinic", "Onboard"), (commitment.Title, commitment.Stage?.Name));
    }

    static JsonObject Form(JsonObject view, params (string Block, string Kind, JsonNode Value)[] values)
    {
        var submission = SlackHost.Submission("UANA", view, "");
        var state = new JsonObject();
        foreach (var (block, kind, value) in values)
            state[block] = new JsonObject { [SlackForms.ValueActionId] = new JsonObject { [kind] = value.DeepClone() } };
        submission["view"]!["state"] = new JsonObject { ["values"] = state };
        return submission;
    }

    [Fact]
    public async Task HomeTabClick_AnswersByDmAndRepublishesTheHomeTab()
    {
        await host.CommandAsync("commit Fix onboarding due:2026-12-11", user: "U123");
        var click = FakeSlack.Fixture("block_actions_home_tab_view.json");
        click["actions"]![0]!["action_id"] = "cx_run_0";
        click["actions"]![0]!["value"] = "done C-1";
        await host.InteractAsync(click);

        var publish = await Eventually.Async(async () => host.Slack.Of("views.publish").FirstOrDefault(), what: "the refreshed Home tab");
        Assert.Equal("U123", (string?)publish.Args["user_id"]);
        Assert.Contains("C-1", host.Slack.PostedTo("DU123").Single());
        Assert.DoesNotContain("Fix onboarding", publish.Args["view"]!.ToJsonString());
        Assert.Equal(CommitmentStatus.Done, await host.App.WithDbAsync(db => db.Commitments.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ViewClosed_IsAcknowledgedAndDoesNothing()
    {
        var response = await host.InteractAsync(FakeSlack.Fixture("view_closed.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync()));
    }

    static JsonObject Submission(JsonObject view, string answer) => SlackHost.Submission("UANA", view, answer);
}
