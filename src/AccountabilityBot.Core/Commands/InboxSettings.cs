using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Core.Commands;

/// <summary>Section "Inbox": how soon work a crash left unfinished after an acknowledgement is taken over.</summary>
public sealed class InboxSettings
{
    public const string SectionName = "Inbox";

    /// <summary>
    /// How long one worker has to finish what was acknowledged (run the command, post the answer) before a sweep takes
    /// it over; the sweep looks twice per lease. Short, because someone is waiting for the answer; a worker that is
    /// merely slow costs nothing worse than a second run, which the inbox and the outbox keys turn into a no-op.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Inbox:Lease must be between 1 second and 10 minutes.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
}
