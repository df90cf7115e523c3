using System.Text.Json.Nodes;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Two hosts on one PostgreSQL database posting to one Slack channel: Slack's limit holds across both.</summary>
[Collection(PacedTests.Name)]
public sealed class SlackSharedPacingTests
{
    [PostgresFact]
    public async Task TwoInstances_PostingToOneChannel_KeepItsPace_WithoutA429()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        // Slack refuses posts to one channel closer than this. Half the booked second: on a busy machine a post can leave
        // late and the next one on time, while instances that did not share the pace would post at the same moment.
        var slack = new FakeSlack { ChannelLimit = TimeSpan.FromMilliseconds(500) };
        await using var a = new SlackHost(database.Settings(), slack: slack);
        await using var b = new SlackHost(database.Settings(), slack: slack);

        var posts = new[] { a, b }.SelectMany(host => Enumerable.Range(1, 3).Select(i => PostAsync(host, "CSHARED", $"post {i}"))).ToList();
        await Task.WhenAll(posts);

        var calls = slack.Calls.Where(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == "CSHARED").OrderBy(c => c.At).ToList();
        Assert.DoesNotContain(calls, c => c.Status == 429);
        Assert.Equal(6, calls.Count);
        foreach (var (earlier, later) in calls.Zip(calls.Skip(1)))
            Assert.True(later.At - earlier.At >= TimeSpan.FromMilliseconds(500), $"two posts {(later.At - earlier.At).TotalMilliseconds} ms apart");
    }

    [PostgresFact]
    public async Task A429SeenByOneInstance_HoldsTheChannelForTheOther()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var slack = new FakeSlack { RetryAfter = TimeSpan.FromSeconds(3), ChannelLimit = TimeSpan.FromMilliseconds(900) };
        await using var a = new SlackHost(database.Settings(), slack: slack);
        await using var b = new SlackHost(database.Settings(), slack: slack);
        await PostAsync(b, "CWARM", "b is up");

        slack.RateLimitNextPostTo = "CHOT";
        var retried = PostAsync(a, "CHOT", "refused once");
        var refused = await Eventually.Async(async () => slack.Calls.FirstOrDefault(c => c.Status == 429), what: "the 429");
        await Task.Delay(300); // the hold is written as soon as the 429 is read
        await PostAsync(b, "CHOT", "from the other instance");
        await retried;

        var posted = slack.Calls.Where(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == "CHOT" && c.Status == 200).ToList();
        Assert.Equal(["refused once", "from the other instance"], posted.OrderBy(c => c.At).Select(c => (string)c.Args["text"]!));
        var after = posted[^1].At - refused.At;
        Assert.True(after >= TimeSpan.FromSeconds(2.9), $"the other instance posted {after.TotalSeconds} s after the 429");
        Assert.Single(slack.Calls, c => c.Status == 429);
    }

    static async Task PostAsync(SlackHost host, string channel, string text)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SlackWebApi>().PostMessageAsync(channel, new JsonObject { ["text"] = text }, CancellationToken.None);
    }
}
