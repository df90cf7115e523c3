using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>
/// Quiet hours judged again when a DM is delivered, not only when it was queued, through the real host and the fake Bot
/// Connector: the member may have set them, or moved zone, in between.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsQuietHoursTests : IAsyncLifetime
{
    const string Maria = "29:maria", MariasChat = "a:chat-maria";
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    readonly TeamsHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Maria types in her chat with the bot; returns the answer once it has arrived there.</summary>
    async Task<string> SayAsync(string text)
    {
        var answered = host.Fake.Posts.Count(p => p.Path.Contains(MariasChat));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Message(text, Maria, "Maria Lopez", conversation: MariasChat))).StatusCode);
        return Text(await Eventually.Async(() => Task.FromResult(host.Fake.Posts.Where(p => p.Path.Contains(MariasChat)).Skip(answered).FirstOrDefault()),
            what: $"the answer to `{text}`"));
    }

    void At(int year, int month, int day, int hour, int minute = 0) =>
        host.App.Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    Task SweepAsync() => host.InScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(10, CancellationToken.None));

    static string Text(ConnectorCall post) => post.Body!.ToJsonString(Readable);

    List<ConnectorCall> NudgesToMaria => [.. host.Fake.Posts.Where(p => p.Path.Contains(MariasChat) && Text(p).Contains("How is it going?"))];

    Task<OutboundMessage> NudgeAsync() => host.App.WithDbAsync(db => db.OutboundMessages.SingleAsync(o => o.Kind == NudgePosts.Kind));

    /// <summary>Queues the morning's nudge for Maria's commitment C-1 as the planner does, composed now, and tries to send it.</summary>
    Task QueueNudgeAsync() => host.InScopeAsync(async sp =>
    {
        var commitment = await sp.GetRequiredService<AppDbContext>().Commitments.Include(c => c.Owner).SingleAsync();
        var now = host.Now.UtcDateTime;
        return await sp.GetRequiredService<Outbox>().PostOnceAsync(
            OutboxPost.ToMember(commitment.Owner, TimeZoneInfo.Utc, "nudges:1:test", NudgePosts.Kind, now, now.AddHours(3)),
            _ => Task.FromResult(NudgePosts.Compose(commitment, DateOnly.FromDateTime(now))), CancellationToken.None);
    });

    /// <summary>
    /// A nudge queued at 22:30 in Paris on Sat 27 Mar 2027, before Maria had quiet hours; Teams is briefly unavailable (503,
    /// retry in ten minutes). She then sets quiet hours: the retry is held until 08:00 on Sunday, after the clocks went forward, 06:00 UTC
    /// (not the 07:00 that winter time's offset would give), while her own command at 23:00 is answered at once.
    /// </summary>
    [Fact]
    public async Task ADmQueuedBeforeQuietHoursWereSet_IsHeldUntilTheirEnd_AcrossTheNightTheClocksGoBack_WhileHerCommandIsAnswered()
    {
        At(2027, 3, 27, 21, 30); // 22:30 CET
        await SayAsync("me tz:Europe/Paris");
        await SayAsync("commit Call every lost clinic due:monday");
        host.Fake.Next.Enqueue(FakeBotFramework.Json(HttpStatusCode.ServiceUnavailable,
            """{"error":{"code":"ServiceUnavailable","message":"Service Unavailable"}}""", TimeSpan.FromMinutes(10)));
        await QueueNudgeAsync();
        var queued = await NudgeAsync();
        Assert.Equal((1, null, null), (queued.Attempts, queued.NotBefore, queued.SentAt));
        await SayAsync("me quiet 22:00-08:00");

        At(2027, 3, 27, 21, 40); // the retry is due: 22:40 CET, quiet
        await SweepAsync();
        Assert.Equal(new DateTime(2027, 3, 28, 6, 0, 0, DateTimeKind.Utc), (await NudgeAsync()).NotBefore);

        At(2027, 3, 27, 22); // 23:00 CET: what she types is answered all the same
        Assert.Contains("22:00–08:00 your time", await SayAsync("me"));
        Assert.Null(await host.App.WithDbAsync(db => db.OutboundMessages.Where(o => o.Kind == OutboxPost.ReplyKind)
            .OrderBy(o => o.Id).Select(o => o.NotBefore).LastAsync()));

        At(2027, 3, 28, 5, 59); // 07:59 CEST
        await SweepAsync();
        Assert.Empty(NudgesToMaria);

        At(2027, 3, 28, 6); // 08:00 CEST
        await SweepAsync();
        await SweepAsync();
        Assert.Single(await Eventually.Async(() => Task.FromResult(NudgesToMaria is { Count: > 0 } sent ? sent : null), what: "the nudge"));
        Assert.Equal(2, (await NudgeAsync()).Attempts);
    }

    /// <summary>
    /// Queued at 05:30 in Tokyo, inside Maria's quiet hours there, so held until 08:00 Tokyo time; by then she has flown home
    /// to Paris, where 08:00 in Tokyo is midnight and quiet: it waits again, for 08:00 in Paris.
    /// </summary>
    [Fact]
    public async Task ADmQueuedBeforeTheMemberMovedZone_IsHeldByTheQuietHoursOfTheZoneSheIsInWhenItIsDue()
    {
        At(2026, 11, 27, 20, 30); // Sat 28 Nov, 05:30 in Tokyo
        await SayAsync("me tz:Asia/Tokyo");
        await SayAsync("me quiet 22:00-08:00");
        await SayAsync("commit Call every lost clinic due:monday");
        await QueueNudgeAsync();
        Assert.Equal(new DateTime(2026, 11, 27, 23, 0, 0, DateTimeKind.Utc), (await NudgeAsync()).NotBefore);

        await SayAsync("me tz:Europe/Paris");
        At(2026, 11, 27, 23); // 08:00 in Tokyo, midnight in Paris
        await SweepAsync();
        Assert.Equal(new DateTime(2026, 11, 28, 7, 0, 0, DateTimeKind.Utc), (await NudgeAsync()).NotBefore);
        Assert.Empty(NudgesToMaria);

        At(2026, 11, 28, 7);

        await SweepAsync();
        Assert.Single(await Eventually.Async(() => Task.FromResult(NudgesToMaria is { Count: > 0 } sent ? sent : null), what: "the nudge"));
    }
}
