using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>The pacing each provider gets (in memory on SQLite, in the database on PostgreSQL), on the real clock.</summary>
[Collection(PacedTests.Name)]
public sealed class SendPacingTests
{
    static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(150);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnePerSecond_SpacesSendsUnderAKey_OtherKeysGoAtOnce(string provider)
    {
        await using var app = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var pacing = app.App.Services.GetRequiredService<ISendPacing>();
        Assert.Equal(provider == "Postgres" ? "PostgresSendPacing" : nameof(InProcessSendPacing), pacing.GetType().Name);
        PaceLimit[] channel = [new("slack:C1", 1, TimeSpan.FromSeconds(1))];

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++) waits.Add(await pacing.BookAsync(channel, CancellationToken.None));

        Assert.InRange(waits[0], TimeSpan.Zero, Jitter);
        Assert.InRange(waits[1], TimeSpan.FromSeconds(1) - Jitter, TimeSpan.FromSeconds(1));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(2) - Jitter, TimeSpan.FromSeconds(2));
        Assert.InRange(await pacing.BookAsync([new("slack:C2", 1, TimeSpan.FromSeconds(1))], CancellationToken.None), TimeSpan.Zero, Jitter);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Hold_ARetryAfter_DelaysTheKeysNextSend(string provider)
    {
        await using var app = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var pacing = app.App.Services.GetRequiredService<ISendPacing>();
        var conversation = ConversationRateLimiter.Conversation("19:held@thread.tacv2");

        await pacing.HoldAsync(conversation, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.InRange(await pacing.BookAsync(conversation, CancellationToken.None), TimeSpan.FromSeconds(5) - Jitter, TimeSpan.FromSeconds(5));
        Assert.InRange(await pacing.BookAsync(ConversationRateLimiter.Conversation("19:other"), CancellationToken.None), TimeSpan.Zero, Jitter);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TeamsConversation_ABurstOfForty_KeepsEveryWindow(string provider)
    {
        await using var app = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var pacing = app.App.Services.GetRequiredService<ISendPacing>();
        var slots = await BookAsync(pacing, [.. ConversationRateLimiter.App, .. ConversationRateLimiter.Conversation("a")], 40);

        foreach (var (count, window, _) in ConversationRateLimiter.Limits.Take(3))
            AssertAtMost(count, window, slots);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TeamsApp_SixtyCalls_AtMost47InAnySecond(string provider)
    {
        await using var app = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var pacing = app.App.Services.GetRequiredService<ISendPacing>();
        var slots = await BookAsync(pacing, ConversationRateLimiter.App, 60);

        AssertAtMost(47, TimeSpan.FromSeconds(1), slots);
        Assert.True(slots[^1] - slots[0] < TimeSpan.FromSeconds(1.5), $"60 calls took {slots[^1] - slots[0]}: the pace is too slow");
    }

    /// <summary>When each booked send may leave, on this machine's clock (the first one now).</summary>
    static async Task<List<DateTimeOffset>> BookAsync(ISendPacing pacing, IReadOnlyList<PaceLimit> limits, int sends)
    {
        var start = DateTimeOffset.UtcNow;
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < sends; i++) slots.Add(DateTimeOffset.UtcNow + await pacing.BookAsync(limits, CancellationToken.None));
        Assert.InRange(slots[0] - start, TimeSpan.Zero, Jitter);
        return slots;
    }

    /// <summary>No <paramref name="window"/> holds more than <paramref name="count"/> sends (less a little for the round trip's noise).</summary>
    static void AssertAtMost(int count, TimeSpan window, List<DateTimeOffset> slots)
    {
        for (var i = 0; i + count < slots.Count; i++)
            Assert.True(slots[i + count] - slots[i] >= window - TimeSpan.FromMilliseconds(50),
                $"{count + 1} sends within {window}: {slots[i]:HH:mm:ss.fff} to {slots[i + count]:HH:mm:ss.fff}");
    }
}
