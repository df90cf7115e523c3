using System.Buffers.Binary;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Charts;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>The weekly review's picture of the marble jar, through the real host and a Slack that implements the external upload.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackChartTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public async Task InitializeAsync()
    {
        host.Slack.Users["UANA"] = ("Ana", "ana@acme.example", "America/New_York");
        await host.CommandAsync("cadence review mon 08:00 America/New_York");
        await host.CommandAsync("channel leadership");
        await host.CommandAsync("won \"Bright Smiles\" value:24000");
        await host.CommandAsync("won \"Harbor Dental\" value:18000");
        await host.CommandAsync("lost \"ACME Dental\" value:36000 reason:\"missed deliveries\"");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<FakeSlack.Call> ReviewAsync()
    {
        host.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero));
        host.App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CadenceJob>(j => j.RunAsync("review", CancellationToken.None));
        return await Eventually.Async(async () => host.Slack.Of("chat.postMessage")
            .FirstOrDefault(c => (string?)c.Args["channel"] == "CLEAD" && c.Error is null), what: "the review");
    }

    static List<JsonObject> Blocks(FakeSlack.Call post, string type) =>
        [.. post.Args["blocks"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == type)];

    [Fact]
    public async Task Review_WonAndLost_UploadsAPngPrivatelyAndShowsItInTheOnePost()
    {
        var review = await ReviewAsync();

        var asked = Assert.Single(host.Slack.Of("files.getUploadURLExternal"));
        Assert.Equal(FakeSlack.BotToken, asked.Token);
        var file = Assert.Single(host.Slack.Files.Values);
        Assert.Equal(JarChartRendererTests.PngSignature, file.Bytes![..8]);
        Assert.Equal(file.Length, file.Bytes.Length);
        Assert.InRange(file.Bytes.Length, 5_000, 60_000);
        Assert.Equal(760, BinaryPrimitives.ReadInt32BigEndian(file.Bytes.AsSpan(16, 4)));
        Assert.Null(Assert.Single(host.Slack.Of("file_upload")).Token); // the upload URL is the credential
        Assert.True(file.Completed);
        Assert.Null(file.Shares); // private to the bot: the review itself shows it, so the channel sees one post
        Assert.Equal(FakeSlack.BotToken, Assert.Single(host.Slack.Of("files.completeUploadExternal")).Token);

        var image = Assert.Single(Blocks(review, "image"));
        Assert.Equal(file.Id, (string?)image["slack_file"]!["id"]);
        Assert.Contains("won against customers lost", (string?)image["alt_text"]);
        Assert.Single(host.Slack.PostedTo("CLEAD"));
        BlockKitLimits.AssertWithin(review.Args["blocks"]!.AsArray());
        // The words under the picture carry every number it shows, for clients that show no images.
        var words = string.Join("\n", Blocks(review, "context").Select(c => c.ToJsonString()));
        Assert.Contains("2 customers won ($42,000 a year), 1 customer lost ($36,000 a year)", words);
        Assert.Contains("the last 12 weeks", words);
    }

    [Fact]
    public async Task Review_AppWithoutFilesWrite_PostsTheWordsAlone()
    {
        host.Slack.MissingScopes.Add("files:write");

        var review = await ReviewAsync();

        var refused = Assert.Single(host.Slack.Of("files.getUploadURLExternal"));
        Assert.Equal("missing_scope", refused.Error);
        Assert.Empty(host.Slack.Files);
        Assert.Empty(Blocks(review, "image"));
        Assert.Contains(Blocks(review, "context"), c => c.ToJsonString().Contains("2 customers won ($42,000 a year)"));
        Assert.Single(host.Slack.PostedTo("CLEAD"));
    }

    [Fact]
    public async Task Review_FileStillProcessing_PostsOnceWhenSlackHasIt_WithoutUploadingAgain()
    {
        host.Slack.FilesStillProcessing = 1;

        var review = await ReviewAsync();

        Assert.Single(Blocks(review, "image"));
        Assert.Equal(2, host.Slack.Of("chat.postMessage").Count(c => (string?)c.Args["channel"] == "CLEAD"));
        Assert.Equal("invalid_blocks", host.Slack.Of("chat.postMessage").First(c => (string?)c.Args["channel"] == "CLEAD").Error);
        Assert.Single(host.Slack.Files);
        Assert.Single(host.Slack.PostedTo("CLEAD"));
    }

    [Fact]
    public async Task Jar_AskedByDirectMessage_AnswersWithThePicture()
    {
        var dm = FakeSlack.Fixture("event_callback_message_im.json");
        dm["event"]!["user"] = "UANA";
        dm["event"]!["channel"] = "DANA";
        dm["event"]!["text"] = "jar quarter";

        await host.EventAsync(dm);

        var answer = await Eventually.Async(async () => host.Slack.Of("chat.postMessage")
            .FirstOrDefault(c => (string?)c.Args["channel"] == "DANA" && c.Error is null), what: "the jar by DM");
        Assert.Contains("The marble jar", (string?)answer.Args["text"]);
        var file = Assert.Single(host.Slack.Files.Values);
        Assert.Equal(file.Id, (string?)Assert.Single(Blocks(answer, "image"))["slack_file"]!["id"]);
        Assert.Equal(JarChartRendererTests.PngSignature, file.Bytes![..8]);
    }

    [Fact]
    public async Task Send_PostFailedAfterTheUpload_TheOutboxRetryReusesTheFile()
    {
        var message = ChartSamples.Message(ChartSamples.Week());
        var down = false;
        host.Slack.BeforeAnswer = method =>
        {
            // Slack down just as the post leaves, past the client's own retries: the outbox will send it again.
            if (method == "chat.postMessage" && !down) (down, host.Slack.FailNext) = (true, 4);
            return Task.CompletedTask;
        };
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetServices<IPlatformChatSender>().Single(s => s.Platform == ChatPlatform.Slack);
            await Assert.ThrowsAsync<ChatDeliveryException>(() => sender.SendAsync("CLEAD", message, "outbox:chart-1", CancellationToken.None));
            host.Slack.BeforeAnswer = null;
            await sender.SendAsync("CLEAD", message, "outbox:chart-1", CancellationToken.None);
        }

        var file = Assert.Single(host.Slack.Files.Values);
        Assert.Single(host.Slack.Of("files.getUploadURLExternal"));
        var post = Assert.Single(host.Slack.Of("chat.postMessage"));
        Assert.Equal(file.Id, (string?)Assert.Single(Blocks(post, "image"))["slack_file"]!["id"]);
    }
}
