using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>One host for the class, with Ana (the 1:1 sender) as the CCO, so she may record every form.</summary>
public sealed class TeamsFormFixture : TeamsHostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bot:InitialCco"] = "29:user-ana" };
}

/// <summary>The forms Teams gained from Slack (lost customer, stop), asked for and submitted through the real host.</summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsFormSubmissionTests(TeamsFormFixture fixture) : IClassFixture<TeamsFormFixture>
{
    TeamsHost Host => fixture.Host;
    readonly string conversation = "a:" + Guid.NewGuid().ToString("N");

    async Task<JsonObject> AskForAsync(string text)
    {
        await Host.PostAsync(TeamsHost.Message(text, conversation: conversation));
        var posted = await Eventually.Async(() =>
                Task.FromResult(Host.Fake.Posts.FirstOrDefault(p => p.Path.EndsWith(conversation + "/activities", StringComparison.Ordinal))),
            what: "the form card");
        return posted.Body!["attachments"]![0]!["content"]!.AsObject();
    }

    Task SubmitAsync(JsonObject values) => Host.PostAsync(TeamsHost.Message("", conversation: conversation).Also(a =>
    {
        a.Remove("text");
        a["replyToId"] = "form-message-1";
        a["value"] = values;
    }));

    static IEnumerable<string?> InputIds(JsonObject card) =>
        card["body"]!.AsArray().Where(e => ((string)e!["type"]!).StartsWith("Input.", StringComparison.Ordinal)).Select(e => (string?)e!["id"]);

    [Fact]
    public async Task LostForm_ShownOnRequest_RecordsTheLostCustomerAndTheirStory()
    {
        var card = await AskForAsync("form lost");
        CardSchema.AssertValid(card);
        Assert.Equal(["customer", "value", "reason", "story"], InputIds(card));

        await SubmitAsync(new JsonObject
        {
            ["form"] = "lost", ["customer"] = "Bluebird Clinic", ["value"] = 48000, ["reason"] = "",
            ["story"] = "Two missed installs.\nThen a \"final\" invoice.",
        });

        var lost = await Eventually.Async(() => Host.App.WithDbAsync(db => db.CustomerEvents.Include(e => e.Customer).Include(e => e.Story)
            .SingleOrDefaultAsync(e => e.Customer.Name == "Bluebird Clinic")), what: "the lost customer");
        Assert.Equal((CustomerEventKind.Lost, 48000m, null, "Two missed installs. Then a 'final' invoice."),
            (lost.Kind, lost.AnnualValue, lost.Reason, lost.Story?.Narrative));
    }

    [Fact]
    public async Task StopForm_ShownOnRequest_ProposesTheStop()
    {
        var card = await AskForAsync("form stop");
        CardSchema.AssertValid(card);
        await SubmitAsync(new JsonObject { ["form"] = "stop", ["title"] = "Cold calls on Fridays", ["why"] = "Nobody answers" });

        var stop = await Eventually.Async(() => Host.App.WithDbAsync(db => db.StopItems.SingleOrDefaultAsync(s => s.Title == "Cold calls on Fridays")),
            what: "the proposed stop");
        Assert.Equal("Nobody answers", stop.Rationale);
    }

    [Fact]
    public async Task FormList_OffersEveryForm()
    {
        var card = await AskForAsync("form");
        CardSchema.AssertValid(card);
        var asked = card["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet").SelectMany(s => s!["actions"]!.AsArray())
            .Select(a => (string?)a!["data"]!["command"]);
        Assert.Equal(["form commit", "form decide", "form resolved", "form lost", "form stop", "form story", "form cadence"], asked);
    }
}
