using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>The command's typed outcome as Slack's adapter acts on it: in the ack, in a modal, or in a follow-up.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackOutcomeTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    static JsonObject AnswerModal(string command) => SlackAnswerModal.View(new(command, "C111"), "Which item?");

    static string? ModalError(JsonNode body) => (string?)body["errors"]?[SlackAnswerModal.BlockId];

    [Fact]
    public async Task ModalSubmission_RefusedThenSentAgain_TheRepeatIsShownAsARefusalToo()
    {
        await host.CommandAsync("help"); // UANA is the CCO
        var view = AnswerModal("stop keep {answer}");
        var first = JsonNode.Parse(await (await host.InteractAsync(SlackHost.Submission("UANA", view, "S-99"))).Content.ReadAsStringAsync())!;
        var again = JsonNode.Parse(await (await host.InteractAsync(SlackHost.Submission("UANA", view, "S-99"))).Content.ReadAsStringAsync())!;

        Assert.StartsWith("⚠️", ModalError(first));
        Assert.Equal(ModalError(first), ModalError(again));
        var row = await host.App.WithDbAsync(db => db.ReceivedCommands.SingleAsync(r => r.Text == "stop keep S-99"));
        Assert.NotNull(row.Refusal);
        Assert.Null(row.FollowUp); // the modal showed it: nothing follows
        Assert.Empty(host.Slack.Of("chat.postEphemeral"));
    }

    [Fact]
    public async Task ModalSubmission_Done_ClosesTheModal_AndTheAnswerFollows()
    {
        await host.CommandAsync("help");
        var response = await host.InteractAsync(SlackHost.Submission("UANA", AnswerModal("decide {answer}"), "Waive the fee"));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var answer = await Eventually.Async(async () => host.Slack.Of("chat.postEphemeral").FirstOrDefault(), what: "the answer, privately in the channel");
        Assert.Contains("D-1", answer.Args.ToJsonString());
    }

    [Fact]
    public async Task SlashCommand_ThatCannotBeStored_IsAnsweredNothingWasRecorded_InTheAck()
    {
        await host.CommandAsync("help");
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReceivedCommands\""));

        var ack = await host.CommandAsync("resolved \"Refund sent\" cost:0");

        Assert.Contains("nothing was recorded", ack.ToJsonString());
        Assert.Equal(0, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }

    [Fact]
    public async Task ModalSubmission_ThatCannotBeStored_KeepsTheModalOpen_SayingNothingWasRecorded()
    {
        await host.CommandAsync("help");
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReceivedCommands\""));

        var response = await host.InteractAsync(SlackHost.Submission("UANA", AnswerModal("decide {answer}"), "Waive the fee"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains("nothing was recorded", ModalError(body));
    }

    [Fact]
    public async Task Event_WhileAnotherCopyIsStillWorking_PostsNothing()
    {
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["event"]!["text"] = "resolved \"Re-sent the invoice\" cost:0";
        envelope["event_id"] = "EvBusy";
        await host.App.WithDbAsync(async db =>
        {
            db.ReceivedCommands.Add(new ReceivedCommand
            {
                Platform = ChatPlatform.Slack, DeliveryId = SlackEventJob.DeliveryId("EvBusy"), ConversationId = "D111", UserId = "W222",
                Text = "resolved \"Re-sent the invoice\" cost:0", ReceivedAt = host.App.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        await using (var scope = host.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SlackEventJob>().RunAsync(envelope.ToJsonString(), CancellationToken.None);

        Assert.Empty(host.Slack.PostedTo("D111"));
        Assert.Equal(0, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }
}
