namespace AccountabilityBot.Web.Tests.Support;

public static class Eventually
{
    /// <summary>
    /// Only a guard against waiting for ever: what a test waits for takes a second or two on a quiet machine, but the
    /// CI runs both test passes at once on two cores, where the same wait has taken many times longer.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Polls until the condition holds (background jobs finish on their own schedule) or fails after the timeout.</summary>
    public static async Task<T> Async<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null) where T : class
    {
        var started = DateTime.UtcNow;
        var deadline = started + (timeout ?? DefaultTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        var logged = RecentWarnings.Since(started) is { } lines ? "\nWarnings and errors logged meanwhile by the process's hosts:\n" + lines : "";
        var left = await HostWork.DescribeAsync() is { } work ? "\nWork the process's live hosts have left:\n" + work : "";
        throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.{logged}{left}");
    }
}
