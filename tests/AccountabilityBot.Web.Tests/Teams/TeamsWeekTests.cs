using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>A week of the product through Teams only: what the fake Connector received and what the database holds.</summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsWeekTests : IAsyncLifetime
{
    readonly TeamsHost host = new();
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    const string Ana = "29:ana", Maria = "29:maria";
    int messageIds = 5000;

    JsonObject InChannel(string from, string name, string text, params (string Id, string Name)[] mentions) =>
        TeamsHost.InChannel(Channel, (++messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture), from, name, text, mentions);

    async Task SendAsync(JsonObject activity) => Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(activity)).StatusCode);

    [Fact]
    public async Task AWeekInTeams_InstallBindCommandsCardsReviewAndANudge()
    {
        await SendAsync(TeamsHost.Activity("installation_update_add_team.json"));
        await SendAsync(TeamsHost.Message("help", Ana, "Ana", conversation: "a:chat-ana"));
        await SendAsync(InChannel(Ana, "Ana", "channel leadership"));
        await SendAsync(InChannel(Ana, "Ana", "role <at>Maria Lopez</at> executive", (Maria, "Maria Lopez")));
        await SendAsync(InChannel(Ana, "Ana", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" on:2026-11-23"));
        await SendAsync(InChannel(Maria, "Maria Lopez", "commit Call every lost clinic due:friday"));

        // Maria clicks "Done" on the card the bot answered with (Action.Submit from the card).
        var commitReply = await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault(p => p.Body!.ToJsonString().Contains("\"done C-1\""))),
            what: "the commitment's card with its Done button");
        var done = InChannel(Maria, "Maria Lopez", "");
        done.Remove("text");
        done["conversation"]!["id"] = commitReply.Path.Split('/')[^2];
        done["replyToId"] = commitReply.ResponseId;
        done["value"] = new JsonObject { ["command"] = "done C-1" };
        await SendAsync(done);
        await SendAsync(done.DeepClone().AsObject()); // a double click

        Assert.Equal(CommitmentStatus.Done, await host.App.WithDbAsync(db => db.Commitments.Select(c => c.Status).SingleAsync()));
        Assert.Equal(Role.Executive, await host.App.WithDbAsync(db => db.Members.Where(m => m.PlatformUserId == Maria).Select(m => m.Role).SingleAsync()));
        Assert.Equal(1, await host.App.WithDbAsync(db => db.CommitmentUpdates.CountAsync(u => u.Status == CommitmentStatus.Done)));

        // Every reply reached Teams, in the thread of the command, once.
        var received = await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync());
        Assert.Equal(6, received); // the double click is the same record
        await Eventually.Async(() => Task.FromResult(host.Fake.Posts.Count() >= received ? "all" : null), what: "every reply posted");

        // The clicked card now says who did what, for everyone in the thread.
        var refreshed = await Eventually.Async(() => Task.FromResult(host.Fake.Calls.FirstOrDefault(c => c.Method == "PUT")), what: "the card refreshed");
        Assert.EndsWith("/activities/" + commitReply.ResponseId, refreshed.Path);
        Assert.Contains("✔ Maria Lopez: done C-1", refreshed.Body!["attachments"]![0]!["content"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        CardSchema.AssertValid(refreshed.Body!["attachments"]![0]!["content"]!.AsObject());
        Assert.Single(host.Fake.Calls, c => c.Method == "PUT"); // the double click refreshed nothing more

        // Monday: the review goes to the bound channel as a card.
        Assert.Equal(1, await host.InScopeAsync(sp =>
            sp.GetRequiredService<AccountabilityBot.Core.Cadence.Posts.ReviewPosts>().RunAsync(CancellationToken.None)));
        var review = Assert.Single(host.Fake.Posts, p => p.Path == $"/amer/v3/conversations/{Channel}/activities");
        var card = review.Body!["attachments"]![0]!["content"]!.AsObject();
        CardSchema.AssertValid(card);
        Assert.Contains("missed deliveries", card.ToJsonString());

        // A nudge to Maria, who never opened a chat with the bot: the 1:1 chat is created, then posted to.
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var dm = ChatAddress.DirectTo(ChatPlatform.Teams, Maria);
            await scope.ServiceProvider.GetRequiredService<Outbox>()
                .PostAsync(dm, ChatMessage.Text("Your commitment C-2 is due tomorrow."), "nudge", CancellationToken.None);
        }
        var nudge = Assert.Single(host.Fake.Posts, p => p.Path == $"/amer/v3/conversations/a:dm-{Maria}/activities");
        Assert.Contains("due tomorrow", nudge.Body!.ToJsonString());
        foreach (var post in host.Fake.Posts) CardSchema.AssertValid(post.Body!["attachments"]![0]!["content"]!.AsObject());
    }
}
