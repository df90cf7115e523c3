using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// What follows a <see cref="PauseChange"/>: the CCO is told wherever the bot can still reach them (a CCO on a platform
/// that works, and the local page), and once the platform works again what was held is delivered or dropped as stale.
/// </summary>
public sealed class PauseNotices(AppDbContext db, Outbox outbox, PlatformPauses pauses, TimeProvider clock, ILogger<PauseNotices> log)
{
    /// <summary>The local page's leadership channel keeps a record even where no CCO can be reached.</summary>
    public static readonly ChatAddress LocalPage = new(ChatPlatform.Local, "leadership");

    const string PausedKind = "platform-paused", ResumedKind = "platform-resumed";
    const int HeldBatch = 5000;

    public async Task HandleAsync(PauseChange change, CancellationToken ct)
    {
        var platform = change.Platform;
        ChatMessage message;
        if (change.Paused)
        {
            var held = await db.OutboundMessages.CountAsync(o => o.Platform == platform && o.SentAt == null && o.FailedAt == null && o.DroppedAt == null, ct);
            message = new ChatMessage([
                new TextBlock(RichText.Of(new TextSpan(
                    $"⚠️ AccountabilityBot can't reach {platform}: nothing is posted there until it can be reached again.", Bold: true))),
                new TextBlock(change.Reason),
                new ContextBlock($"Posts for {platform} are held, not lost ({held} so far). They go out once the bot sees a working " +
                    "installation (checked at start-up and when the setting changes); any whose moment has passed by then are dropped."),
            ]);
        }
        else
        {
            var (sent, dropped) = await outbox.DeliverHeldAsync(platform, HeldBatch, ct);
            log.LogInformation("{Platform} works again: delivered {Sent} held posts, dropped {Dropped} stale ones", platform, sent, dropped);
            message = ChatMessage.Text(RichText.Of(new TextSpan(
                $"✅ {platform} works again. Posts held meanwhile: {sent} delivered, {dropped} dropped because their moment had passed.")));
        }
        // The same outage is announced once a day at most, however often the bot restarts meanwhile.
        var occasion = $"{(change.Paused ? PausedKind : ResumedKind)}:{platform}:{clock.UtcNow():yyyy-MM-dd}.{change.Episode}";
        foreach (var (to, who) in await AudienceAsync(ct))
        {
            try
            {
                var post = new OutboxPost(to, $"{occasion}:{who}", change.Paused ? PausedKind : ResumedKind);
                await outbox.PostOnceAsync(post, _ => Task.FromResult(message), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Could not tell {Who} that {Platform} is {State}", who, platform, change.Paused ? "paused" : "back");
            }
        }
    }

    /// <summary>Every CCO on a platform that works (a paused one would only hold the notice), and the local page.</summary>
    async Task<List<(ChatAddress To, string Who)>> AudienceAsync(CancellationToken ct)
    {
        var ccos = await db.Members.AsNoTracking().Where(m => m.Role == Role.Cco).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. ccos.Where(m => !pauses.IsPaused(m.Platform)).Select(m => (ChatAddress.DirectTo(m), "cco" + m.Id)), (LocalPage, "local")];
    }
}
