namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// A platform refused or could not take a post. <see cref="Permanent"/> failures (channel gone, bot not invited,
/// user left) are never retried and are reported to the CCO in <see cref="Advice"/>'s plain words;
/// transient ones are retried, after <see cref="RetryAfter"/> when the platform said how long to wait.
/// <see cref="NotInstalled"/> ones (app uninstalled, token revoked) are neither: the post is held until the platform works again.
/// </summary>
public sealed class ChatDeliveryException(string platformError, bool permanent, string advice, TimeSpan? retryAfter = null, Exception? inner = null,
    bool notInstalled = false)
    : Exception($"{platformError}: {advice}", inner)
{
    /// <summary>The platform's own error code, e.g. "not_in_channel" or "BotNotInConversationRoster".</summary>
    public string PlatformError { get; } = platformError;
    public bool Permanent { get; } = permanent;
    /// <summary>What a CCO should do about it, e.g. "Invite the bot to #leadership: /invite @AccountabilityBot".</summary>
    public string Advice { get; } = advice;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    /// <summary>
    /// The platform refuses the bot itself (uninstalled, credentials revoked), not this post: nothing can be posted there
    /// until it is installed again, so the post is held rather than failed.
    /// </summary>
    public bool NotInstalled { get; } = notInstalled;
}
