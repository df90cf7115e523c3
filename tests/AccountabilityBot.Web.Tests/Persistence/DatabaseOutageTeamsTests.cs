using System.Net;
using AccountabilityBot.Web.Tests.Support;
using AccountabilityBot.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>Teams through a PostgreSQL outage (see <see cref="DatabaseOutageTests"/>).</summary>
[Collection(BotProcessTests.Name)]
public sealed class DatabaseOutageTeamsTests
{
    const string Conversation = "a:chat-outage";

    [PostgresFact]
    public async Task Teams_DuringAnOutage_IsToldNothingWasRecorded_AndIsAnsweredAfterIt()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var host = new TeamsHost(database.Settings());
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Message("help", conversation: Conversation))).StatusCode);

        await database.TakeDownAsync();
        try
        {
            // A message: 200, and the notice posted through the Connector, which needs no database.
            var message = await host.PostAsync(TeamsHost.Message("resolved \"Refund during the outage\" cost:0", conversation: Conversation));
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault(p =>
                p.Path.EndsWith($"/v3/conversations/{Conversation}/activities", StringComparison.Ordinal)
                && p.Body!.ToJsonString().Contains("nothing was recorded"))), what: "the notice posted to the Connector");
            // The bot added to a team: nothing to say to anyone, so 503 and the Connector may send it again.
            var added = await host.PostAsync(TeamsHost.Activity("conversation_update_bot_added_to_team.json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, added.StatusCode);
        }
        finally
        {
            await database.BringBackAsync();
        }

        var after = await host.PostAsync(TeamsHost.Message("resolved \"Refund after the outage\" cost:0", conversation: Conversation));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault(p =>
            p.Path.EndsWith($"/v3/conversations/{Conversation}/activities", StringComparison.Ordinal)
            && p.Body!.ToJsonString().Contains("R-1"))), what: "the answer, through the job server");
        Assert.Equal(["Refund after the outage"], await host.App.WithDbAsync(db => db.Resolutions.Select(r => r.What).ToListAsync()));
    }
}
