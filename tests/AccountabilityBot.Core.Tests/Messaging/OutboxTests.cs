using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Messaging;

public sealed class OutboxTests
{
    static readonly ChatAddress Leadership = new(ChatPlatform.Local, "leadership");

    static Task<bool> PostOnce(CoreHarness h, string key, Func<AppDbContext, Task<ChatMessage>> compose) =>
        h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().PostOnceAsync(Leadership, key,
            _ => compose(sp.GetRequiredService<AppDbContext>()), CancellationToken.None));

    [Fact]
    public async Task PostOnce_SameKeyTwice_SendsOnceAndComposesOnce()
    {
        using var h = new CoreHarness();
        var composed = 0;
        Task<ChatMessage> Compose(AppDbContext _) { composed++; return Task.FromResult(ChatMessage.Text("review")); }

        Assert.True(await PostOnce(h, "review:2026-11-30", Compose));
        Assert.False(await PostOnce(h, "review:2026-11-30", Compose));
        Assert.Single(h.Sent.Posts);
        Assert.Equal(1, composed);
    }

    [Fact]
    public async Task PostOnce_SendFails_RetryDeliversTheStoredCopyWithoutComposingAgain()
    {
        using var h = new CoreHarness();
        var composed = 0;
        Task<ChatMessage> Compose(AppDbContext _) => Task.FromResult(ChatMessage.Text($"version {++composed}"));

        h.Sent.FailNext = new HttpRequestException("platform down");
        await Assert.ThrowsAsync<HttpRequestException>(() => PostOnce(h, "k", Compose));
        Assert.True(await PostOnce(h, "k", Compose));
        Assert.Equal("version 1", Assert.Single(h.Sent.Posts).Message.FallbackText);
        await using var db = h.Db();
        Assert.NotNull((await db.OutboundMessages.SingleAsync()).SentAt);
    }

    [Fact]
    public async Task PostOnce_ComposeFailsAfterWriting_LeavesNeitherItsWritesNorAClaim()
    {
        using var h = new CoreHarness();
        await h.SayAsync("ana", "help");
        await Assert.ThrowsAsync<InvalidOperationException>(() => PostOnce(h, "k", async db =>
        {
            (await db.Members.SingleAsync()).DisplayName = "changed";
            await db.SaveChangesAsync();
            throw new InvalidOperationException("compose failed");
        }));
        await using var check = h.Db();
        Assert.Equal("ana", (await check.Members.SingleAsync()).DisplayName);
        Assert.Equal(0, await check.OutboundMessages.CountAsync());
    }
}
