namespace AccountabilityBot.Web.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds (background jobs finish on their own schedule) or fails after the timeout.</summary>
    public static async Task<T> Async<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.");
    }
}
