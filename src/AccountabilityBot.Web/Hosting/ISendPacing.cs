namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// When the next post may leave under the platforms' rate limits (Slack per channel and per workspace, Teams per
/// conversation and per app). Those limits count every instance of the app together, so on PostgreSQL the turns are
/// booked in the database (<c>PostgresSendPacing</c>); on SQLite, where one instance runs, in memory
/// (<see cref="InProcessSendPacing"/>).
/// </summary>
public interface ISendPacing
{
    /// <summary>
    /// Books the earliest moment at which one more send keeps every one of <paramref name="limits"/>, for all of them
    /// together; returns how long until it (zero when it may go now).
    /// </summary>
    Task<TimeSpan> BookAsync(IReadOnlyList<PaceLimit> limits, CancellationToken ct);

    /// <summary>The platform answered 429: nothing under these limits leaves before <paramref name="wait"/> is over, on any instance.</summary>
    Task HoldAsync(IReadOnlyList<PaceLimit> limits, TimeSpan wait, CancellationToken ct);
}

public static class SendPacingExtensions
{
    /// <summary>Books a turn and waits for it; the waits are real seconds, the platform's, not the app's TimeProvider.</summary>
    public static async Task WaitTurnAsync(this ISendPacing pacing, IReadOnlyList<PaceLimit> limits, CancellationToken ct)
    {
        var wait = await pacing.BookAsync(limits, ct);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
    }
}
