namespace AccountabilityBot.Core.Commands;

/// <summary>
/// Hands an acknowledged delivery's follow-up (see <see cref="FollowUps"/>) to a background worker by its inbox id, the
/// one way an adapter sends what comes after the acknowledgement. The inbox lease decides who finishes it, and the
/// inbox sweep takes it over if the worker never does.
/// </summary>
public interface IFollowUpQueue
{
    /// <param name="delay">Wait this long first (a platform's re-sent delivery, say, leaves the first copy time to finish).</param>
    void Enqueue(long receivedId, TimeSpan? delay = null);
}
