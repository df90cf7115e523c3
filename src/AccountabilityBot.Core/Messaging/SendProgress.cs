using System.Runtime.CompilerServices;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// Whether a send under way has let anything out of the process yet. One stopped before that (still waiting for its
/// turn under a rate limit, say) cannot have reached the platform, so its lease is released and anyone may send it
/// later without doubt; one stopped after it is in doubt. The platforms' adapters call <see cref="Leaving"/> where
/// their requests leave; erring early (a lookup before the post) only leaves a post in doubt, never sends it twice.
/// </summary>
public static class SendProgress
{
    static readonly AsyncLocal<StrongBox<bool>?> Current = new();

    /// <summary>Called by the outbox as one send begins; the box says afterwards whether anything left.</summary>
    internal static StrongBox<bool> Begin()
    {
        var box = new StrongBox<bool>();
        Current.Value = box;
        return box;
    }

    /// <summary>A request is leaving the process on behalf of the send under way, if there is one.</summary>
    public static void Leaving()
    {
        if (Current.Value is { } box) box.Value = true;
    }
}
