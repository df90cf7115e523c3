using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// Two bot processes on one PostgreSQL database under a retry storm: many deliveries at once, each sent to both
/// instances at the same moment, so the command writers' batches overlap and hold copies of each other's deliveries.
/// Neither instance waits on the other inside a batch (the tally has a share per open transaction, and a copy the
/// other instance holds uncommitted is run again after this batch's commit), so the database never has to break a
/// deadlock, and every delivery is recorded once, answered alike on both, and counted once.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class TwoInstancesStormTests
{
    const int Deliveries = 240, Workers = 24;

    [PostgresFact]
    public async Task TwoInstances_UnderARetryStorm_NeverDeadlock_AndRecordEachDeliveryOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value!);
        var started = await Task.WhenAll(BotProcess.StartAsync(settings), BotProcess.StartAsync(settings));
        using var a = started[0];
        using var b = started[1];
        string[] users = ["ana", "bo", "cy", "di", "ed", "flo"];
        foreach (var user in users) await SayAsync(a, user, "help");
        // Half of them with a zone of their own: their `resolved` takes the lean way, the others' the full (EF) way.
        Assert.Equal(3L, await database.ScalarAsync<long>("""
            WITH zoned AS (UPDATE "Members" SET "TimeZone" = 'Europe/London' WHERE "PlatformUserId" IN ('ana', 'cy', 'ed') RETURNING 1)
            SELECT COUNT(*) FROM zoned
            """));

        var answers = new (string A, string B)[Deliveries];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < Deliveries; i = Interlocked.Increment(ref next))
            {
                var (user, text, id) = (users[i % users.Length], $"resolved \"storm {i}\" cost:{i}.50", $"storm-{i}");
                // Which instance is asked first alternates, so each holds copies the other is storing.
                var first = i % 2 == 0 ? a : b;
                var second = first == a ? b : a;
                var both = await Task.WhenAll(SayAsync(first, user, text, id), SayAsync(second, user, text, id));
                answers[i] = (both[0], both[1]);
            }
        }));

        Assert.All(answers, pair => Assert.Equal(pair.A, pair.B));
        Assert.All(answers, pair => Assert.Contains("R-", pair.A, StringComparison.Ordinal));
        Assert.Equal((long)Deliveries, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Resolutions" WHERE "What" LIKE 'storm %'"""));
        Assert.Equal((long)Deliveries, await database.ScalarAsync<long>("""SELECT COUNT(DISTINCT "What") FROM "Resolutions" WHERE "What" LIKE 'storm %'"""));
        Assert.Equal((long)Deliveries, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "ReceivedCommands" WHERE "DeliveryId" LIKE 'storm-%'"""));
        Assert.Equal(await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Resolutions" """),
            await database.ScalarAsync<long>("""SELECT SUM("Count") FROM "ResolutionTallies" """));

        // Both stopped: their sessions' statistics (deadlocks among them) are flushed when the sessions end.
        Assert.Equal(0, await a.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await b.TerminateAsync(TimeSpan.FromSeconds(30)));
        foreach (var output in new[] { a.Output, b.Output })
        {
            Assert.DoesNotContain("deadlock", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("running them one by one", output, StringComparison.Ordinal);
            Assert.DoesNotContain("met a concurrent write", output, StringComparison.Ordinal);
        }
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
    }

    static async Task<string> SayAsync(BotProcess bot, string user, string text, string? id = null)
    {
        var response = await bot.Client.PostAsJsonAsync("/local/messages", new { user, channel = "frontline", text, id });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["reply"]!["text"]!;
    }
}
