using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Paces posts to each Teams conversation under the documented per-bot, per-thread limits (7 per second, 8 per
/// 2 seconds, 60 per 30 seconds, 1,800 per hour), and all of the bot's calls under the per-app, per-tenant 50 a
/// second (with a margin) (one bucket for every tenant, which is stricter), so the bot waits its turn instead of
/// collecting 429s. Both are booked together through <see cref="ISendPacing"/>, which all instances on one
/// PostgreSQL database share; there each window lets the burst given here go at once and spaces the rest.
/// </summary>
public sealed class ConversationRateLimiter(ISendPacing pacing, ILogger<ConversationRateLimiter> log)
{
    public static readonly (int Count, TimeSpan Window, int Burst)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1), 4), (8, TimeSpan.FromSeconds(2), 4), (60, TimeSpan.FromSeconds(30), 30), (1800, TimeSpan.FromHours(1), 900),
    ];

    /// <summary>The key of the app-wide bucket.</summary>
    public const string AppWide = "teams:*";

    /// <summary>
    /// Under the documented 50 a second, and evenly spaced (one per 20 ms): Teams counts requests as they arrive, and
    /// bursts sent at the edge of our window would arrive inside its window, each 429 costing a second of Retry-After.
    /// </summary>
    public static readonly (int Count, TimeSpan Window, int Burst)[] AppWideLimits = [(1, TimeSpan.FromMilliseconds(20), 1), (47, TimeSpan.FromSeconds(1), 1)];

    /// <summary>The limits of one conversation (or other per-call key) alone.</summary>
    public static IReadOnlyList<PaceLimit> Conversation(string key) => [.. Limits.Select(l => new PaceLimit("teams:" + key, l.Count, l.Window, l.Burst))];

    /// <summary>The app-wide limits alone.</summary>
    public static IReadOnlyList<PaceLimit> App => [.. AppWideLimits.Select(l => new PaceLimit(AppWide, l.Count, l.Window, l.Burst))];

    /// <summary>Waits for a turn under the app-wide limits and, given a key, that conversation's, booked as one.</summary>
    public Task WaitAsync(string? conversationKey, CancellationToken ct) =>
        pacing.WaitTurnAsync(conversationKey is null ? App : [.. App, .. Conversation(conversationKey)], ct);

    /// <summary>
    /// Teams answered 429 for a conversation: every instance holds it for the wait. Best effort: the call's own retry
    /// waits regardless.
    /// </summary>
    public async Task HoldAsync(string conversationKey, TimeSpan wait, CancellationToken ct)
    {
        try { await pacing.HoldAsync(Conversation(conversationKey), wait, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Could not share Teams' wait with other instances: {Error}", e.Message);
        }
    }
}
