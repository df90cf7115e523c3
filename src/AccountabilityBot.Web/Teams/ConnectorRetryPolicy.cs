namespace AccountabilityBot.Web.Teams;

/// <summary>How long to back off; waits run on a real clock (pacing, not business time).</summary>
public sealed class ConnectorRetryPolicy(TimeProvider pacing)
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Longer waits are left to the caller's own retry (the job), instead of holding a worker.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>1 s, 2 s, 4 s … each ±20 % so many posts do not come back at the same instant.</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4));

    public Task WaitAsync(TimeSpan wait, CancellationToken ct) => wait > TimeSpan.Zero ? Task.Delay(wait, pacing, ct) : Task.CompletedTask;
}
