using System.Net;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

[Collection(ChatHostTests.Name)]
public sealed class TeamsOutboundTests : IAsyncLifetime
{
    readonly TeamsHost host = new();
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    const string User = "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2-NSkNb7AyGYpjQ7Xw-XgTwaHW5JxZ4KMNDxn1kcL8fwX1Nw";

    Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act) => host.InScopeAsync(act);

    /// <summary>Installed in a team, and the CCO said "channel leadership" there.</summary>
    async Task InstallAndBindLeadershipAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Activity("installation_update_add_team.json"))).StatusCode);
        var bind = TeamsHost.InChannel(Channel, "1759881511856", User, "rido", "channel leadership");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(bind)).StatusCode);
        await Eventually.Async(() => Task.FromResult(host.Fake.Posts.FirstOrDefault()), what: "the bind reply");
    }

    [Fact]
    public async Task WeeklyReview_ProactivePostToTheChannel_WaitsOutA429AndPostsOnce()
    {
        await InstallAndBindLeadershipAsync();
        host.Fake.Next.Enqueue(FakeBotFramework.Json(HttpStatusCode.TooManyRequests,
            FakeBotFramework.Fixture("connector_error_too_many_requests_http429.json"), TimeSpan.FromSeconds(1)));

        var posted = await InScopeAsync(sp => sp.GetRequiredService<AccountabilityBot.Core.Cadence.Posts.ReviewPosts>().RunAsync(CancellationToken.None));

        Assert.Equal(1, posted);
        var toChannel = host.Fake.Calls.Where(c => c.Path == $"/amer/v3/conversations/{Channel}/activities").ToList();
        Assert.Equal([429, 200], toChannel.Select(c => c.Status));
        Assert.True(toChannel[1].At - toChannel[0].At >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
        var card = toChannel[1].Body!["attachments"]![0]!["content"]!.AsObject();
        CardSchema.AssertValid(card);
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
        Assert.NotNull(await host.App.WithDbAsync(db => db.OutboundMessages.SingleOrDefaultAsync(o => o.ConversationId == Channel && o.SentAt != null)));
        Assert.Equal(1, host.Fake.TokenRequests); // the bot's token is cached between posts
    }

    [Fact]
    public async Task DirectMessage_OpensA1To1ChatWithTenant_ThenPostsThere()
    {
        await InstallAndBindLeadershipAsync();

        var address = new ChatAddress(ChatPlatform.Teams,
            await InScopeAsync(sp => sp.GetRequiredService<TeamsChatSender>().OpenDirectConversationAsync(User, CancellationToken.None)));
        await InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Outbox>().PostAsync(address, ChatMessage.Text("C-1 is due tomorrow."), "nudge", CancellationToken.None);
            return 0;
        });

        Assert.Equal("a:dm-" + User, address.ConversationId);
        var create = Assert.Single(host.Fake.Calls, c => c.Path == "/amer/v3/conversations");
        Assert.Equal(User, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + FakeBotFramework.AppId, create.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", create.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Contains(host.Fake.Posts, p => p.Path == $"/amer/v3/conversations/a:dm-{User}/activities" && p.Body!.ToJsonString().Contains("due tomorrow"));

        // The chat is stored: the next DM does not create another.
        await InScopeAsync(sp => sp.GetRequiredService<TeamsChatSender>().OpenDirectConversationAsync(User, CancellationToken.None));
        Assert.Single(host.Fake.Calls, c => c.Path == "/amer/v3/conversations");
    }

    [Fact]
    public async Task DirectMessage_ToSomeoneWithoutTheApp_IsAPermanentErrorWithAdvice_AndUninstalledChannelsGetNothing()
    {
        await InstallAndBindLeadershipAsync();
        host.Fake.NotInstalled[User] = true;

        var error = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            InScopeAsync(sp => sp.GetRequiredService<TeamsChatSender>().OpenDirectConversationAsync(User, CancellationToken.None)));
        Assert.Equal(("BotNotInConversationRoster", true), (error.PlatformError, error.Permanent));
        Assert.Contains("Teams admin center", error.Advice);

        var uninstall = TeamsHost.Activity("installation_update_add_team.json");
        uninstall["action"] = "remove";
        await host.PostAsync(uninstall);
        var before = host.Fake.Calls.Count;
        var removed = await Assert.ThrowsAsync<ChatDeliveryException>(() => InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IChatSender>()
                .SendAsync(new ChatAddress(ChatPlatform.Teams, Channel), ChatMessage.Text("hello"), CancellationToken.None);
            return 0;
        }));
        Assert.Equal(("bot_removed", true), (removed.PlatformError, removed.Permanent));
        Assert.Equal(before, host.Fake.Calls.Count);
    }
}
