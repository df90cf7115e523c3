using System.Text.Json.Nodes;
using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>A command slower than the ack budget (here: a zero budget) is acked at once and answered through response_url.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackDeferredAnswerTests : IAsyncLifetime
{
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Command_SlowerThanTheBudget_AcksAtOnceAndAnswersLaterOnce()
    {
        var ack = await host.CommandAsync("resolved \"Called the clinic back\" cost:0", trigger: "9.9.slow");
        Assert.Contains("Working on it", (string?)ack["text"]);

        var answer = await Eventually.Async(async () => host.Slack.Of("response_url").FirstOrDefault(), what: "the deferred answer");
        Assert.Contains("R-1", (string?)answer.Args["text"]);
        Assert.Equal("ephemeral", (string?)answer.Args["response_type"]);
        Assert.IsType<JsonArray>(answer.Args["blocks"]);
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }

    [Fact]
    public async Task Command_WhenTheResponseUrlHasExpired_IsAnsweredByDm()
    {
        host.Slack.ResponseUrlsExpired = true;
        await host.CommandAsync("resolved \"Sent a replacement part\" cost:40", user: "UJO");
        var dm = await Eventually.Async(async () => host.Slack.PostedTo("DUJO").FirstOrDefault(), what: "the DM fallback");
        Assert.Contains("R-1", dm);
    }

    [Fact]
    public async Task Command_ThatFailsBeforeItIsStored_IsToldNothingWasRecorded_ThroughTheResponseUrl()
    {
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReceivedCommands\""));
        var ack = await host.CommandAsync("resolved \"Called the clinic back\" cost:0");
        Assert.Contains("Working on it", (string?)ack["text"]);

        var answer = await Eventually.Async(async () => host.Slack.Of("response_url").FirstOrDefault(), what: "the failure notice");
        Assert.Contains("nothing was recorded", (string?)answer.Args["text"]);
        Assert.Equal(0, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }

    [Fact]
    public async Task ApiKeyCreate_AnsweredLater_ShowsTheKeyOnce_AndStoresItNowhere()
    {
        await host.CommandAsync("apikey create crm", trigger: "9.9.key"); // the first speaker: the CCO
        var answer = await Eventually.Async(async () => host.Slack.Of("response_url").FirstOrDefault(), what: "the deferred answer");
        Assert.Contains(ApiKeySecrets.Prefix, (string?)answer.Args["text"]);

        var stored = await host.App.WithDbAsync(async db => (await db.ReceivedCommands.SingleAsync()).ReplyJson);
        Assert.DoesNotContain(ApiKeySecrets.Prefix, stored);
        Assert.Contains("shown once", stored);
    }

    [Fact]
    public async Task Command_WhoseFollowUpCannotBeStored_IsStillAnsweredThroughTheResponseUrl()
    {
        // The inbox refuses follow-ups (as a database that keeps failing would); the command itself is stored as usual.
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? """
            CREATE TRIGGER "NoFollowUpInsert" BEFORE INSERT ON "ReceivedCommands" WHEN NEW."FollowUp" IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'follow-ups refused'); END;
            CREATE TRIGGER "NoFollowUpUpdate" BEFORE UPDATE OF "FollowUp" ON "ReceivedCommands" WHEN NEW."FollowUp" IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'follow-ups refused'); END;
            """ : """
            CREATE FUNCTION "RefuseFollowUp"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'follow-ups refused'; END $$;
            CREATE TRIGGER "NoFollowUpInsert" BEFORE INSERT ON "ReceivedCommands"
                FOR EACH ROW WHEN (NEW."FollowUp" IS NOT NULL) EXECUTE FUNCTION "RefuseFollowUp"();
            CREATE TRIGGER "NoFollowUpUpdate" BEFORE UPDATE OF "FollowUp" ON "ReceivedCommands"
                FOR EACH ROW WHEN (NEW."FollowUp" IS NOT NULL) EXECUTE FUNCTION "RefuseFollowUp"();
            """));
        var ack = await host.CommandAsync("resolved \"Called the clinic back\" cost:0", trigger: "9.9.nofollowup");
        Assert.Contains("Working on it", (string?)ack["text"]);

        var answer = await Eventually.Async(async () => host.Slack.Of("response_url").FirstOrDefault(), what: "the answer, given without the inbox");
        Assert.Contains("R-1", (string?)answer.Args["text"]);
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }
}
