using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>Slack, its outbox and its job server through a PostgreSQL restart and an outage (see <see cref="DatabaseOutageTests"/>).</summary>
[Collection(BotProcessTests.Name)]
public sealed class DatabaseOutageSlackTests
{
    static JsonObject DirectMessage(string text, string eventId)
    {
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["event"]!["text"] = text;
        envelope["event_id"] = eventId;
        return envelope;
    }

    const string Resolved = "resolved \"Refund sent during the outage\" cost:0";

    [PostgresFact]
    public async Task Slack_ThroughARestartAndAnOutage_AnswersNothingRecorded_ThenTakesTheRetry_AndTheOutboxAndJobsResume()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var host = new SlackHost(database.Settings());
        Assert.Contains("What I can do", (await host.CommandAsync("help")).ToJsonString());

        // A restart nobody noticed: every pooled connection died with it, yet the next command is recorded.
        await database.TakeDownAsync();
        await database.BringBackAsync();
        Assert.Contains("C-1", (await host.CommandAsync("commit Check the pool after a restart due:friday")).ToJsonString());

        // A post queued before the outage, due again during it (its first send failed: the retry waits).
        var due = host.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        await host.App.WithScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            var id = await outbox.ClaimAsync(new OutboxPost(new ChatAddress(ChatPlatform.Slack, "CDUE"), "test:due-in-outage", "test"),
                _ => Task.FromResult(ChatMessage.Text("Posted once the database is back")), CancellationToken.None);
            var db = sp.GetRequiredService<Core.Persistence.AppDbContext>();
            return await db.OutboundMessages.Where(o => o.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.NextAttemptAt, due).SetProperty(o => o.Attempts, 1));
        });

        await database.TakeDownAsync();
        try
        {
            host.App.Clock.Advance(TimeSpan.FromMinutes(2));
            // A slash command is answered 200 with the message (Slack shows it; it does not retry a slash command).
            var slash = await host.CommandAsync("commit Lost in the outage due:friday");
            Assert.Contains("nothing was recorded", slash.ToJsonString());
            // An event is not acknowledged, so Slack sends it again.
            var ev = await host.EventAsync(DirectMessage(Resolved, "EvOutage"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ev.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client.GetAsync("/readyz")).StatusCode);
        }
        finally
        {
            await database.BringBackAsync();
        }

        // Slack's retry of the event lands after the outage: recorded and answered once, through the job server.
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(DirectMessage(Resolved, "EvOutage"), retryNum: 1)).StatusCode);
        var reply = await Eventually.Async(() => Task.FromResult(host.Slack.PostedTo("D111") is [var one] ? one : null), what: "the DM's answer");
        Assert.Contains("R-1", reply);
        Assert.Contains("C-2", (await host.CommandAsync("commit After the outage due:friday")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/readyz")).StatusCode);

        // The minutely sweep (a recurring job) fires again and sends the post that fell due during the outage, once.
        await Eventually.Async(() => Task.FromResult(host.Slack.PostedTo("CDUE") is [_] ? "" : null), TimeSpan.FromSeconds(75), "the post due in the outage");
        await Task.Delay(500);
        Assert.Single(host.Slack.PostedTo("CDUE"));
        Assert.Single(host.Slack.PostedTo("D111"));
        var titles = await host.App.WithDbAsync(db => db.Commitments.OrderBy(c => c.Id).Select(c => c.Title).ToListAsync());
        Assert.Equal(["Check the pool after a restart", "After the outage"], titles);
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }
}
