using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Members;

/// <summary>
/// One profile lookup per person per process (Slack's users.info, the Teams Connector's member lookup). The first
/// command from someone starts it; commands that arrive meanwhile (a double submit, a slash command and a Home-tab open)
/// await the same lookup instead of going on without it, so whichever of them enrols the member enrols them with the
/// profile. The answer is kept, so later commands ask nobody and still carry it: a member whose first command was
/// refused (and so not enrolled) is enrolled with it on the next. A failed lookup is tried again after
/// <see cref="RetryFailedAfter"/>, not on every command and not never.
/// </summary>
public sealed class ProfileLookups<T>(TimeProvider clock, ILogger<ProfileLookups<T>> log) where T : class
{
    public static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(15);

    sealed record Answer(T? Profile, DateTimeOffset? RetryAt);

    readonly ConcurrentDictionary<string, Lazy<Task<Answer>>> answers = new();

    /// <param name="lookUp">Asks the platform; null when there is nothing to ask (the stored member is complete).
    /// It runs on its own, not under any one caller's cancellation, since others may be waiting for it.</param>
    /// <returns>The profile (null if none), and whether it was asked for just now (<c>Current</c>) or kept from before.</returns>
    public async Task<(T? Profile, bool Current)> GetAsync(string userId, Func<Task<T?>> lookUp, CancellationToken ct)
    {
        if (answers.TryGetValue(userId, out var kept) && kept.IsValueCreated && kept.Value.IsCompletedSuccessfully)
        {
            var answer = kept.Value.Result;
            if (answer.RetryAt is not { } retry || clock.GetUtcNow() < retry) return (answer.Profile, false);
            answers.TryRemove(KeyValuePair.Create(userId, kept)); // only this failed answer: a newer lookup stays
        }
        var lookup = answers.GetOrAdd(userId, _ => new Lazy<Task<Answer>>(() => AskAsync(userId, lookUp)));
        return ((await lookup.Value.WaitAsync(ct)).Profile, true);
    }

    async Task<Answer> AskAsync(string userId, Func<Task<T?>> lookUp)
    {
        try
        {
            return new Answer(await lookUp(), null);
        }
        catch (Exception ex)
        {
            // The command still counts; the member is stored with what the payload gave and repaired on a later command.
            log.LogWarning("Could not read the profile of {User} ({Error}); trying again on a command after {RetryAfter}",
                userId, ex.Message, RetryFailedAfter);
            return new Answer(null, clock.GetUtcNow() + RetryFailedAfter);
        }
    }
}
