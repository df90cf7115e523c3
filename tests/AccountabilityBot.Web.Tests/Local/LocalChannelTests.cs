using System.Net;
using System.Net.Http.Json;
using System.Text;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

[Collection(ChatHostTests.Name)]
public sealed class LocalChannelTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PostMessage_Command_RepliesWithReferenceAndButtons()
    {
        await app.SayAsync("ana", "role @tom executive");
        var reply = await app.SayAsync("tom", "commit Fix the onboarding email sequence due:friday stage:Onboard");
        Assert.Contains("C-1", reply.Text);
        Assert.Contains(reply.Buttons, b => b.Command == "done C-1");
    }

    [Fact]
    public async Task Reply_InParts_PutsEachRowOfButtonsAfterTheTextItActsOn()
    {
        await app.SayAsync("ana", "stop propose \"Cold calls\"");
        await app.SayAsync("ana", "stop propose \"Restocking fees\"");
        var reply = await app.SayAsync("ana", "stop list");
        var withButtons = reply.Parts.Where(p => p.Buttons.Count > 0).ToList();
        Assert.Equal(2, withButtons.Count);
        Assert.Contains("S-1 Cold calls", withButtons[0].Text);
        Assert.Equal("stop agree S-1", Assert.Single(withButtons[0].Buttons).Command);
        Assert.Contains("S-2 Restocking fees", withButtons[1].Text);
        Assert.Equal("stop agree S-2", Assert.Single(withButtons[1].Buttons).Command);
    }

    [Fact]
    public async Task Transcript_ListsWhatWasSaidAndTheReplies_InOrder()
    {
        await app.SayAsync("ana", "help", channel: "room-1");
        await app.SayAsync("ana", "stop propose \"Cold calls\"", channel: "room-1");
        await app.SayAsync("ana", "help", channel: "room-2");
        var items = await app.TranscriptAsync("room-1");
        Assert.Equal(["ana", "bot", "ana", "bot"], items.Select(i => i.From));
        Assert.Contains("S-1", items[3].Text);
    }

    [Fact]
    public async Task OversizeBody_Is413_AndNothingStored()
    {
        var body = new StringContent("{\"user\":\"ana\",\"channel\":\"x\",\"text\":\"" + new string('a', 70_000) + "\"}", Encoding.UTF8, "application/json");
        var response = await app.CreateClient().PostAsync("/local/messages", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReceivedCommands.CountAsync()));
    }

    [Theory]
    [InlineData("{\"channel\":\"x\",\"text\":\"help\"}")]
    [InlineData("{\"user\":\"two words\",\"channel\":\"x\",\"text\":\"help\"}")]
    [InlineData("{\"user\":\"ana\",\"text\":\"help\"}")]
    [InlineData("not json")]
    public async Task MalformedRequest_Is400_NeverA500(string json)
    {
        var response = await app.CreateClient().PostAsync("/local/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Members_ListsLocalMembersWithRoles()
    {
        await app.SayAsync("ana", "role @tom executive");
        var members = await app.CreateClient().GetFromJsonAsync<List<LocalMember>>("/local/members");
        Assert.Contains(new LocalMember("ana", "ana", "cco"), members!);
        Assert.Contains(new LocalMember("tom", "tom", "executive"), members!);
    }

    [Fact]
    public async Task Page_IsServedAsHtml()
    {
        var response = await app.CreateClient().GetAsync("/local");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("base + \"/messages?channel=\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_IsOk()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_ThatCannotBeStored_Is503WithTheReason_AndRecordsNothing()
    {
        await app.SayAsync("ana", "help");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReceivedCommands\""));

        var response = await app.CreateClient().PostAsJsonAsync("/local/messages",
            new { user = "ana", channel = "leadership", text = "stop propose \"Cold calls\"" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Contains("nothing was recorded", problem!.Detail);
        Assert.Equal(0, await app.WithDbAsync(db => db.StopItems.CountAsync()));
    }
}
