using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>
/// Quiet hours judged again when a DM is delivered, through the real host and the fake Slack: a retry that falls in them
/// waits for their end; the answer to the member's own command never waits.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackQuietHoursTests : IAsyncLifetime
{
    // A 429 leaves the retry to the outbox at once (instead of waiting in place), as a Retry-After past this wait does.
    readonly SlackHost host = new(new Dictionary<string, string?> { ["Slack:MaxRetryAfterWait"] = "00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    void At(int day, int hour, int minute, int second = 0) => host.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, minute, second, TimeSpan.Zero));

    Task SweepAsync() => host.App.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(10, CancellationToken.None));

    Task<OutboundMessage> QuestionAsync() => host.App.WithDbAsync(db => db.OutboundMessages.SingleAsync(o => o.Kind == CadenceKinds.Prompts));

    IReadOnlyList<string> DmsToTom() => host.Slack.PostedTo("DUTOM");

    /// <summary>
    /// The weekly question goes to Tom at 18:59:59 in Paris; Slack answers 429, retry in a second, which falls in his quiet
    /// hours. The retry is held until 08:00 his time, its twelve hours of freshness moved with it, and then sent once.
    /// </summary>
    [Fact]
    public async Task ARetryAfterA429_FallingInQuietHours_IsHeldUntilTheyEnd_ThenSentOnce_NotDroppedAsStale()
    {
        host.Slack.Users["UTOM"] = ("Tom", "tom@acme.example", "Europe/Paris");
        await host.CommandAsync("help");
        await host.CommandAsync("role <@UTOM|tom> executive");
        await host.CommandAsync("me quiet 19:00-08:00", user: "UTOM");

        At(27, 17, 59, 59); // 18:59:59 in Paris
        host.Slack.RateLimitNextPostTo = "DUTOM";
        Assert.Equal(1, await host.App.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Prompts, CancellationToken.None)));
        var limited = await QuestionAsync();
        Assert.Equal((1, new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc), null), (limited.Attempts, limited.NextAttemptAt, limited.SentAt));

        At(27, 18, 0); // 19:00: due again, and quiet
        await SweepAsync();
        var held = await QuestionAsync();
        Assert.Equal((new DateTime(2026, 11, 28, 7, 0, 0, DateTimeKind.Utc), limited.NotAfter + TimeSpan.FromHours(13), 1),
            (held.NotBefore, held.NotAfter, held.Attempts));
        Assert.Empty(DmsToTom());

        At(28, 6, 59);
        await SweepAsync();
        Assert.Empty(DmsToTom());

        At(28, 7, 0); // 08:00 in Paris
        await SweepAsync();
        await SweepAsync();
        var question = Assert.Single(await Eventually.Async(() => Task.FromResult(DmsToTom() is { Count: > 0 } posted ? posted : null),
            what: "the question held by quiet hours"));
        Assert.Contains("Your weekly question", question);
        var sent = await QuestionAsync();
        Assert.Equal((2, null), (sent.Attempts, sent.DroppedAt));
    }

    [Fact]
    public async Task QuietHours_NeverHoldTheAnswerToTheMembersOwnCommand_At23h()
    {
        host.Slack.Users["W222"] = ("Jo", "jo@acme.example", "Europe/Paris");
        await host.CommandAsync("help");
        await host.CommandAsync("me quiet 19:00-08:00", user: "W222");

        At(27, 22, 0); // 23:00 in Paris
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["event"]!["text"] = "me";
        await host.EventAsync(envelope);

        var answer = await Eventually.Async(() => Task.FromResult(host.Slack.PostedTo("D111") is [var one] ? one : null), what: "the answer in the DM");
        Assert.Contains("19:00–08:00 your time", answer);
        Assert.Null(await host.App.WithDbAsync(db => db.OutboundMessages.Where(o => o.Kind == OutboxPost.ReplyKind).Select(o => o.NotBefore).SingleAsync()));
    }
}
