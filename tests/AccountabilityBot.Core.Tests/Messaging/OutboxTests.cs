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

    static Task<bool> PostOnce(CoreHarness h, string key, Func<AppDbContext, Task<ChatMessage>> compose, DateTime? notAfter = null) =>
        h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().PostOnceAsync(new OutboxPost(Leadership, key, "test", notAfter),
            _ => compose(sp.GetRequiredService<AppDbContext>()), CancellationToken.None));

    static Task<ChatMessage> Text(string text) => Task.FromResult(ChatMessage.Text(text));

    static Task<int> Sweep(CoreHarness h) =>
        h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(100, CancellationToken.None));

    [Fact]
    public async Task PostOnce_SameKeyTwice_SendsOnceAndComposesOnce()
    {
        using var h = new CoreHarness();
        var composed = 0;
        Task<ChatMessage> Compose(AppDbContext _) { composed++; return Text("review"); }

        Assert.True(await PostOnce(h, "review:2026-11-30", Compose));
        Assert.False(await PostOnce(h, "review:2026-11-30", Compose));
        Assert.Single(h.Sent.Posts);
        Assert.Equal(1, composed);
    }

    [Fact]
    public async Task PostWithASecretShownOnce_HeldWhenThePlatformRefusesTheBot_IsSentWholeWhenItWorksAgain()
    {
        using var h = new CoreHarness();
        h.Sent.FailNext = new ChatDeliveryException("token_revoked", permanent: false, "Reinstall the app.", notInstalled: true);
        var secret = ChatMessage.Text("the key: abk_secret") with { StoredAs = ChatMessage.Text("the key was shown once") };

        Assert.True(await PostOnce(h, "reply:key", _ => Task.FromResult(secret)));
        Assert.Empty(h.Sent.Posts);
        (await h.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PlatformPauses>()))).Resume(ChatPlatform.Local); // installed again
        await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverHeldAsync(ChatPlatform.Local, 10, CancellationToken.None));

        Assert.Equal("the key: abk_secret", Assert.Single(h.Sent.Posts).Message.FallbackText);
        await using var db = h.Db();
        Assert.DoesNotContain("abk_secret", (await db.OutboundMessages.SingleAsync()).MessageJson);
    }

    [Fact]
    public async Task DirectPost_IsPlannedWithoutOpeningTheDm_AndRecordsWhereItWent()
    {
        using var h = new CoreHarness();
        var to = ChatAddress.DirectTo(ChatPlatform.Local, "maria");
        Assert.Equal(("@maria", "maria"), (to.ConversationId, to.PersonId));
        Assert.Null(Leadership.PersonId);

        await h.WithScopeAsync(sp =>
            sp.GetRequiredService<Outbox>().PostOnceAsync(new OutboxPost(to, "nudge:1", "nudges"), _ => Text("due today"), CancellationToken.None));

        Assert.Equal("dm:maria", Assert.Single(h.Sent.Posts).Conversation);
        await using var db = h.Db();
        Assert.Equal("dm:maria", (await db.OutboundMessages.SingleAsync()).ConversationId);
    }

    [Fact]
    public async Task FanOut_OnePostStuckAtItsPlatform_DoesNotHoldUpTheRest_AndNoMoreThanTheConcurrencyAreInFlight()
    {
        using var h = new CoreHarness();
        var stuck = new TaskCompletionSource();
        h.Sent.Arriving = (conversation, _) => conversation == "c-00" ? stuck.Task : Task.Delay(5);
        var posts = Enumerable.Range(0, 60).Select(i => new AccountabilityBot.Core.Cadence.Posts.PlannedPost(
            new OutboxPost(new ChatAddress(ChatPlatform.Local, $"c-{i:00}"), $"review:c-{i:00}", "review"), _ => Text($"review {i}"))).ToList();

        var fanOut = h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().PostAllAsync(posts, CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (h.Sent.Posts.Count < 59 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(59, h.Sent.Posts.Count); // all but the stuck one went out while it waited
        Assert.False(fanOut.IsCompleted);
        stuck.SetResult();
        Assert.Equal(60, await fanOut);
        Assert.Equal(60, h.Sent.Posts.Count);
        Assert.InRange(h.Sent.MostInFlight, 2, new OutboxSettings().Concurrency);
        await using var db = h.Db();
        Assert.Equal(60, await db.OutboundMessages.CountAsync(o => o.SentAt != null && o.LeaseUntil == null));
    }

    [Fact]
    public async Task Send_StillRunningAsItsLeaseEnds_IsCutOff_ThenLookedUpAndSentOnce()
    {
        using var h = new CoreHarness();
        var lease = new OutboxSettings().Lease;
        var arrived = new TaskCompletionSource();
        h.Sent.Arriving = (_, ct) => { arrived.TrySetResult(); return Task.Delay(Timeout.Infinite, ct); }; // e.g. long Retry-After waits

        var posting = PostOnce(h, "review:2026-11-30", _ => Text("review"));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        h.Clock.Advance(lease - lease / 8); // the lease is about to end: another worker could take the post over
        Assert.True(await posting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(h.Sent.Posts);
        await using (var db = h.Db())
            Assert.NotNull((await db.OutboundMessages.SingleAsync()).LeaseUntil); // in doubt, still held

        h.Sent.Arriving = null;
        h.Clock.Advance(lease);
        Assert.Equal(1, await Sweep(h));
        Assert.Single(h.Sent.Posts);
        Assert.Equal(1, h.Sent.HistoryLookups); // asked first, as after a crash
    }

    [Fact]
    public async Task TransientFailure_IsRetriedLaterWithTheStoredCopy_HonouringRetryAfter()
    {
        using var h = new CoreHarness();
        var composed = 0;
        h.Sent.FailNext = new ChatDeliveryException("ratelimited", permanent: false, "Slack asked us to slow down.", TimeSpan.FromSeconds(30));
        Assert.True(await PostOnce(h, "k", _ => Text($"version {++composed}")));
        Assert.Empty(h.Sent.Posts);

        Assert.Equal(0, await Sweep(h)); // not before Retry-After
        h.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await Sweep(h));
        Assert.Equal("version 1", Assert.Single(h.Sent.Posts).Message.FallbackText);
        await using var db = h.Db();
        var row = await db.OutboundMessages.SingleAsync();
        Assert.Equal((2, true), (row.Attempts, row.SentAt is not null));
        Assert.Equal(0, await Sweep(h));
    }

    [Fact]
    public async Task PermanentFailure_IsNotRetried_AndTheCcoIsToldOncePerPlace()
    {
        using var h = new CoreHarness();
        await h.SayAsync("ana", "help"); // ana becomes the CCO
        h.Sent.FailNext = new ChatDeliveryException("not_in_channel", permanent: true, "Invite the bot to #leadership with /invite @AccountabilityBot.");
        await PostOnce(h, "review:1", _ => Text("review 1"));
        h.Sent.FailNext = new ChatDeliveryException("not_in_channel", permanent: true, "Invite the bot to #leadership with /invite @AccountabilityBot.");
        await PostOnce(h, "review:2", _ => Text("review 2"));
        h.Clock.Advance(TimeSpan.FromHours(1));
        await Sweep(h);

        var report = Assert.Single(h.Sent.Posts);
        Assert.Equal("dm:ana", report.Conversation);
        Assert.Contains("Invite the bot to #leadership", report.Message.FallbackText);
        await using var db = h.Db();
        Assert.Equal(2, await db.OutboundMessages.CountAsync(o => o.Kind == "test" && o.FailedAt != null && o.Attempts == 1));
    }

    [Fact]
    public async Task StalePost_IsDroppedNotSentLate()
    {
        using var h = new CoreHarness();
        h.Sent.FailNext = new HttpRequestException("network down");
        await PostOnce(h, "nudge:1:2026-11-26", _ => Text("morning nudge"), notAfter: CoreHarness.Thursday.UtcDateTime.AddHours(3));
        h.Clock.Advance(TimeSpan.FromHours(4)); // the process was down all morning
        Assert.Equal(0, await Sweep(h));
        Assert.Empty(h.Sent.Posts);
        await using var db = h.Db();
        Assert.NotNull((await db.OutboundMessages.SingleAsync()).DroppedAt);
    }

    [Fact]
    public async Task Delivery_WhileAnotherWorkerHoldsTheLease_DoesNotSend()
    {
        using var h = new CoreHarness();
        h.Sent.FailNext = new HttpRequestException("first attempt fails");
        await PostOnce(h, "k", _ => Text("once"));
        await using (var db = h.Db())
        {
            var row = await db.OutboundMessages.SingleAsync();
            row.NextAttemptAt = null;
            row.LeaseUntil = CoreHarness.Thursday.UtcDateTime.AddMinutes(1); // another host is sending it right now
            await db.SaveChangesAsync();
        }
        var outcome = await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverAsync(1, CancellationToken.None));
        Assert.Equal(DeliveryOutcome.NotMine, outcome);
        Assert.Empty(h.Sent.Posts);
    }

    [Fact]
    public async Task Claim_ComposeFailsAfterWriting_LeavesNeitherItsWritesNorAClaim()
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
