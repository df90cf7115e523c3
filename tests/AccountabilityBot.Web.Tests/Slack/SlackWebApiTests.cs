using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>The Web API client against the fake Slack: typed errors, Retry-After, per-channel pacing.</summary>
[Collection(PacedTests.Name)]
public sealed class SlackWebApiTests : IAsyncLifetime
{
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:ChannelPostInterval"] = "00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<T> WithSenderAsync<T>(Func<IChatSender, SlackWebApi, Task<T>> use)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IChatSender>(), scope.ServiceProvider.GetRequiredService<SlackWebApi>());
    }

    [Fact]
    public async Task Send_TooFastForSlack_WaitsOutRetryAfterAndDeliversEachOnce()
    {
        // Pacing is off here, so the second post hits Slack's limit and must be retried after Retry-After.
        await WithSenderAsync(async (sender, _) =>
        {
            foreach (var n in new[] { "one", "two" })
                await sender.SendAsync(new ChatAddress(ChatPlatform.Slack, "CLEAD"), ChatMessage.Text(n), CancellationToken.None);
            return 0;
        });
        Assert.Equal(["one", "two"], host.Slack.PostedTo("CLEAD"));
        Assert.Contains(host.Slack.Calls, c => c.Method == "chat.postMessage" && c.Status == 429);
        Assert.All(host.Slack.Of("chat.postMessage"), c => Assert.Equal(FakeSlack.BotToken, c.Token));
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanWeWait_IsTransientWithRetryAfter()
    {
        host.Slack.RetryAfter = TimeSpan.FromMinutes(2);
        var address = new ChatAddress(ChatPlatform.Slack, "CLEAD");
        var ex = await Assert.ThrowsAsync<ChatDeliveryException>(() => WithSenderAsync<int>(async (sender, _) =>
        {
            await sender.SendAsync(address, ChatMessage.Text("one"), CancellationToken.None);
            await sender.SendAsync(address, ChatMessage.Text("two"), CancellationToken.None);
            return 0;
        }));
        Assert.Equal(("ratelimited", false, TimeSpan.FromMinutes(2)), (ex.PlatformError, ex.Permanent, ex.RetryAfter));
        Assert.Equal(["one"], host.Slack.PostedTo("CLEAD"));
    }

    [Fact]
    public async Task Send_DuringASlackOutage_IsRetriedAndDeliveredOnce()
    {
        host.Slack.FailNext = 2;
        await WithSenderAsync(async (sender, _) =>
        {
            await sender.SendAsync(new ChatAddress(ChatPlatform.Slack, "CLEAD"), ChatMessage.Text("after the outage"), CancellationToken.None);
            return 0;
        });
        Assert.Equal(["after the outage"], host.Slack.PostedTo("CLEAD"));
        Assert.Equal(2, host.Slack.Calls.Count(c => c.Status == 503));
    }

    [Theory]
    [InlineData("CNOTIN", "not_in_channel", "/invite @AccountabilityBot")]
    [InlineData("CGONE", "channel_not_found", "/cx channel leadership")]
    public async Task Send_PermanentSlackError_IsTypedWithAdvice(string channel, string error, string advice)
    {
        var ex = await Assert.ThrowsAsync<ChatDeliveryException>(() => WithSenderAsync<int>(async (sender, _) =>
        {
            await sender.SendAsync(new ChatAddress(ChatPlatform.Slack, channel), ChatMessage.Text("hi"), CancellationToken.None);
            return 0;
        }));
        Assert.Equal(error, ex.PlatformError);
        Assert.True(ex.Permanent);
        Assert.Contains(advice, ex.Advice);
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.postMessage"); // permanent: never retried
    }

    [Fact]
    public async Task UserInfo_ReadsNameEmailAndIanaZone()
    {
        host.Slack.Users["U9"] = ("Maria", "maria@acme.example", "America/New_York");
        var user = await WithSenderAsync((_, api) => api.UserInfoAsync("U9", CancellationToken.None));
        Assert.Equal(new SlackUser("U9", "Maria", "maria@acme.example", "America/New_York", false), user);
        var missing = await Assert.ThrowsAsync<ChatDeliveryException>(() => WithSenderAsync((_, api) => api.UserInfoAsync("U404", CancellationToken.None)));
        Assert.Equal("user_not_found", missing.PlatformError);
    }

    [Theory]
    [InlineData("CNOTIN", "Invite me with `/invite @AccountabilityBot`")]
    [InlineData("CGONE", "I can't see this channel")]
    public async Task ChannelBinding_WhereTheBotCannotPost_IsRefusedAtSaveTime(string channel, string advice)
    {
        var reply = (string?)(await host.CommandAsync("channel leadership", channel: channel))["text"];
        Assert.Contains(advice, reply);
        Assert.Equal(0, await host.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ChannelBindings)));
        Assert.Contains("the leadership channel", (string?)(await host.CommandAsync("channel leadership", channel: "CLEAD"))["text"]);
    }

    [Fact]
    public async Task OpenDirect_UsesConversationsOpenOncePerUser()
    {
        var address = await WithSenderAsync((sender, _) =>
            sender.SendAsync(ChatAddress.DirectTo(ChatPlatform.Slack, "U9"), ChatMessage.Text("one"), CancellationToken.None));
        var again = await WithSenderAsync((sender, _) =>
            sender.SendAsync(ChatAddress.DirectTo(ChatPlatform.Slack, "U9"), ChatMessage.Text("two"), CancellationToken.None));
        Assert.Equal(("DU9", "DU9"), (address.ConversationId, again.ConversationId));
        Assert.Equal("U9", (string?)Assert.Single(host.Slack.Of("conversations.open")).Args["users"]);
    }

    [Fact]
    public async Task OpenDirect_AfterARestart_RemembersTheChannelWithoutAskingSlackAgain()
    {
        await WithSenderAsync((sender, _) => sender.SendAsync(ChatAddress.DirectTo(ChatPlatform.Slack, "U9"), ChatMessage.Text("one"), CancellationToken.None));
        await using var restarted = new SlackHost(dataDirectory: host.App.DataDirectory);
        await using var scope = restarted.App.Services.CreateAsyncScope();
        var address = await scope.ServiceProvider.GetRequiredService<IChatSender>()
            .SendAsync(ChatAddress.DirectTo(ChatPlatform.Slack, "U9"), ChatMessage.Text("after the restart"), CancellationToken.None);
        Assert.Equal("DU9", address.ConversationId);
        Assert.Empty(restarted.Slack.Of("conversations.open"));
    }

    [Fact]
    public async Task Views_AndEphemerals_GoToTheirMethods()
    {
        await WithSenderAsync(async (_, api) =>
        {
            await api.OpenViewAsync("T1", new JsonObject { ["type"] = "modal" }, CancellationToken.None);
            await api.PublishHomeAsync("U9", new JsonObject { ["type"] = "home" }, CancellationToken.None);
            await api.PostEphemeralAsync("CLEAD", "U9", new JsonObject { ["text"] = "psst" }, CancellationToken.None);
            return 0;
        });
        // auth.test is start-up's check of the token.
        Assert.Equal(["views.open", "views.publish", "chat.postEphemeral"], host.Slack.Calls.Select(c => c.Method).Where(m => m != "auth.test"));
    }
}

/// <summary>Posts to one channel are spaced out so Slack never has to refuse them.</summary>
[Collection(PacedTests.Name)]
public sealed class SlackPacingTests : IAsyncLifetime
{
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:ChannelPostInterval"] = "00:00:00.300" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Send_ABurstToOneChannel_IsPacedInOrderWithoutA429()
    {
        host.Slack.ChannelLimit = TimeSpan.FromMilliseconds(250);
        await using var scope = host.App.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IChatSender>();
        await Task.WhenAll(Enumerable.Range(1, 4).Select(async n =>
        {
            await Task.Delay(n * 20);
            await sender.SendAsync(new ChatAddress(ChatPlatform.Slack, "CLEAD"), ChatMessage.Text($"m{n}"), CancellationToken.None);
        }));
        Assert.Equal(4, host.Slack.PostedTo("CLEAD").Count);
        Assert.False(host.Slack.Calls.Any(c => c.Status == 429), host.Slack.Timeline());
    }
}

/// <summary>Across channels, posts stay under the workspace-wide limit, so a fan-out is paced rather than refused.</summary>
[Collection(PacedTests.Name)]
public sealed class SlackWorkspacePacingTests : IAsyncLifetime
{
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:WorkspacePostsPerMinute"] = "600" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Send_ABurstToManyChannels_StaysUnderTheWorkspaceLimitWithoutA429()
    {
        host.Slack.WorkspacePostsPerMinute = 600;
        await using var scope = host.App.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IChatSender>();
        await Task.WhenAll(Enumerable.Range(1, 12).Select(n =>
            sender.SendAsync(new ChatAddress(ChatPlatform.Slack, $"C{n}"), ChatMessage.Text($"m{n}"), CancellationToken.None)));
        Assert.Equal(12, host.Slack.Of("chat.postMessage").Count);
        Assert.False(host.Slack.Calls.Any(c => c.Status == 429), host.Slack.Timeline());
    }
}

/// <summary>
/// The fake's workspace limit is a real check: a bot paced a hundred times too fast for it is refused. The fake's window
/// is four seconds, so the bot's posts are refused however slowly a busy machine lets them arrive.
/// </summary>
[Collection(PacedTests.Name)]
public sealed class SlackWorkspaceLimitTests : IAsyncLifetime
{
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:WorkspacePostsPerMinute"] = "6000" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Send_ABurstPacedTooFast_GetsA429()
    {
        host.Slack.WorkspacePostsPerMinute = 60;
        await using var scope = host.App.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IChatSender>();
        // What matters is that Slack refused some; the bot's waits and retries after that are stopped.
        using var stop = new CancellationTokenSource();
        var sends = Task.WhenAll(Enumerable.Range(1, 12).Select(async n =>
        {
            try { await sender.SendAsync(new ChatAddress(ChatPlatform.Slack, $"C{n}"), ChatMessage.Text($"m{n}"), stop.Token); }
            catch (Exception e) when (e is ChatDeliveryException or OperationCanceledException) { }
        }));
        await Eventually.Async(() => Task.FromResult(host.Slack.Calls.FirstOrDefault(c => c.Method == "chat.postMessage" && c.Status == 429)),
            what: "a 429 from the fake Slack");
        await stop.CancelAsync();
        await sends;
    }
}

/// <summary>A post carries its outbox key as message metadata, so a post left in doubt by a crash can be found again.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackPostLookupTests : IAsyncLifetime
{
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:ChannelPostInterval"] = "00:00:00", ["Slack:WorkspacePostsPerMinute"] = "6000" });
    readonly ChatAddress leadership = new(ChatPlatform.Slack, "CLEAD");

    public Task InitializeAsync()
    {
        host.Slack.ChannelLimit = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    Task<T> WithSenderAsync<T>(Func<IChatSender, Task<T>> use) => host.App.WithScopeAsync(sp => use(sp.GetRequiredService<IChatSender>()));

    [Fact]
    public async Task TaggedPost_CarriesItsKeyAsMetadata_AndIsFoundInHistory()
    {
        var since = host.App.Clock.GetUtcNow().UtcDateTime;
        await WithSenderAsync(async s =>
        {
            await s.SendAsync(leadership, ChatMessage.Text("review"), "review:2026-11-26:Slack:CLEAD", CancellationToken.None);
            return 0;
        });

        var metadata = Assert.Single(host.Slack.Of("chat.postMessage")).Args["metadata"]!;
        Assert.Equal(SlackChatSender.PostEventType, (string?)metadata["event_type"]);
        Assert.Equal("review:2026-11-26:Slack:CLEAD", (string?)metadata["event_payload"]!["outbox_key"]);
        Assert.True(await WithSenderAsync(s => s.HasPostedAsync(leadership, "review:2026-11-26:Slack:CLEAD", since, CancellationToken.None)));
        Assert.False(await WithSenderAsync(s => s.HasPostedAsync(leadership, "review:2026-11-27:Slack:CLEAD", since, CancellationToken.None)));
        Assert.Equal("true", (string?)host.Slack.Of("conversations.history")[0].Args["include_all_metadata"]);
    }

    [Fact]
    public async Task Lookup_PostBeforeTheWindow_IsNotCounted()
    {
        await WithSenderAsync(async s => { await s.SendAsync(leadership, ChatMessage.Text("old"), "old-key", CancellationToken.None); return 0; });
        host.App.Clock.Advance(TimeSpan.FromMinutes(10));
        var since = host.App.Clock.GetUtcNow().UtcDateTime;
        Assert.False(await WithSenderAsync(s => s.HasPostedAsync(leadership, "old-key", since, CancellationToken.None)));
    }

    [Fact]
    public async Task Lookup_BusyChannel_PagesThroughHistory()
    {
        var since = host.App.Clock.GetUtcNow().UtcDateTime;
        await WithSenderAsync(async s => { await s.SendAsync(leadership, ChatMessage.Text("the one"), "wanted", CancellationToken.None); return 0; });
        await WithSenderAsync(async s =>
        {
            for (var i = 0; i < 250; i++) await s.SendAsync(leadership, ChatMessage.Text($"chatter {i}"), null, CancellationToken.None);
            return 0;
        });
        Assert.True(await WithSenderAsync(s => s.HasPostedAsync(leadership, "wanted", since, CancellationToken.None)));
        Assert.Equal(2, host.Slack.Of("conversations.history").Count);
    }

    [Fact]
    public async Task Lookup_AppWithoutHistoryScope_CannotTell()
    {
        host.Slack.MissingScopes.Add("conversations.history");
        var since = host.App.Clock.GetUtcNow().UtcDateTime;
        await WithSenderAsync(async s => { await s.SendAsync(leadership, ChatMessage.Text("review"), "key", CancellationToken.None); return 0; });
        Assert.Null(await WithSenderAsync(s => s.HasPostedAsync(leadership, "key", since, CancellationToken.None)));
    }
}
