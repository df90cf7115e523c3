using System.Net;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>
/// A Teams message is acknowledged once its command is stored; its reply is the inbox row's follow-up. A host that
/// stops before posting it (here: no job server, as if it died with the job in hand) leaves it to the next host on the
/// same database, whose inbox sweep posts it once, a lease after it arrived, instead of Hangfire's 30 minutes.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsFollowUpTests
{
    static readonly Dictionary<string, string?> NoJobServer = new() { ["Jobs:RunServer"] = "false" };

    [Fact]
    public async Task Message_HostStopsBeforeTheReply_NextHostPostsItOnceWithinALease()
    {
        var dataDirectory = BotApplication.NewDataDirectory();
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        await using (var first = new TeamsHost(NoJobServer, dataDirectory))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(TeamsHost.Message("help", conversation: conversation))).StatusCode);
            var row = await first.App.WithDbAsync(db => db.ReceivedCommands.SingleAsync(r => r.ConversationId == conversation));
            Assert.Equal(conversation, TeamsReplyTarget.Of(row.FollowUp!).ConversationId);
            Assert.NotNull(row.ReplyJson);
            Assert.Empty(first.Fake.Posts);
        }

        await using var second = new TeamsHost(NoJobServer, dataDirectory);
        _ = second.App.Services; // starts the host, and its sweep
        var posted = await Eventually.Async(() =>
        {
            second.App.Clock.Advance(TimeSpan.FromSeconds(10)); // the sweep looks twice per 30-second lease
            return Task.FromResult(second.Fake.Posts.FirstOrDefault(p => p.Path.Contains(conversation, StringComparison.Ordinal)));
        }, what: "the reply, posted by the next host's inbox sweep");
        Assert.NotNull(posted.Body);
        await Task.Delay(500);
        second.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(500); // room for a second post, if there were one
        Assert.Single(second.Fake.Posts, p => p.Path.Contains(conversation, StringComparison.Ordinal));
        Assert.Null(await second.App.WithDbAsync(db => db.ReceivedCommands.Where(r => r.ConversationId == conversation).Select(r => r.FollowUp).SingleAsync()));
    }
}
