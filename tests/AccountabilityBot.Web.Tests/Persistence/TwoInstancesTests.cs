using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// Two bot processes on one PostgreSQL database, as behind a load balancer: they start together (migrations, Hangfire's
/// schema and the default rows take turns), a delivery sent to both at once is recorded at most once with one answer,
/// and a review fanned out while both run their job servers reaches every leadership channel once.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class TwoInstancesTests
{
    [PostgresFact]
    public async Task TwoInstances_OnOneDatabase_RecordEachDeliveryOnce_AndPostEachReviewOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value!);
        settings["Jobs:PollInterval"] = "00:00:00.200";
        var started = await Task.WhenAll(BotProcess.StartAsync(settings), BotProcess.StartAsync(settings));
        using var a = started[0];
        using var b = started[1];

        // Every delivery sent twice, once to each instance, at the same moment (a retry that the balancer spread).
        var answers = await Task.WhenAll(Enumerable.Range(1, 20).SelectMany(i => new[] { a, b }.Select(bot =>
            SayAsync(bot, "ana", "frontline", $"resolved \"case {i}\" cost:{i}.25", id: $"retry-{i}"))));
        // Each pair gets one answer. A command that lost a deadlock to the other instance three times is answered
        // "nothing was recorded" (and recorded nothing), never twice and never half.
        for (var i = 0; i < answers.Length; i += 2) Assert.Equal(answers[i], answers[i + 1]);
        var recorded = answers.Where((_, i) => i % 2 == 0).Count(answer => answer.Contains("R-", StringComparison.Ordinal));
        Assert.All(answers.Where(answer => !answer.Contains("R-", StringComparison.Ordinal)), answer => Assert.Contains("nothing was recorded", answer));
        Assert.InRange(recorded, 1, 20);
        Assert.Equal(recorded, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Resolutions" """));
        Assert.Equal(20L, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "ReceivedCommands" WHERE "DeliveryId" LIKE 'retry-%'"""));
        Assert.Equal(recorded, await database.ScalarAsync<long>("""SELECT SUM("Count") FROM "ResolutionTallies" """));

        // Three leadership channels, bound on either instance; the review is sent from one, and both run jobs.
        string[] channels = ["leadership", "lead-east", "lead-west"];
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
        {
            var bound = await SayAsync(i % 2 == 0 ? a : b, "ana", channel, "channel leadership");
            Assert.True(bound.Contains("leadership channel", StringComparison.Ordinal), bound);
        }
        await SayAsync(b, "ana", "leadership", "cadence review send");
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "OutboundMessages" WHERE "Kind" = 'review' AND "SentAt" IS NOT NULL""") < 3
               && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        await Task.Delay(1_000); // long enough for a second, wrongful post to show

        foreach (var channel in channels)
        {
            var posted = await a.Client.GetFromJsonAsync<List<LocalTranscriptItem>>($"/local/messages?channel={channel}");
            Assert.Single(posted!, item => item.From == "bot" && item.Text.Contains("Weekly customer review"));
        }
        Assert.Equal(3L, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "OutboundMessages" WHERE "Kind" = 'review'"""));
    }

    static async Task<string> SayAsync(BotProcess bot, string user, string channel, string text, string? id = null)
    {
        var response = await bot.Client.PostAsJsonAsync("/local/messages", new { user, channel, text, id });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["reply"]!["text"]!;
    }
}
