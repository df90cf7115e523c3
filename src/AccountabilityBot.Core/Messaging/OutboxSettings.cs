using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Core.Messaging;

/// <summary>Section "Outbox": how posts are delivered.</summary>
public sealed class OutboxSettings
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How long a worker holds a post while sending it. Long enough for one send with the platform's own pacing and a
    /// Retry-After waited in place (Slack:MaxRetryAfterWait); short enough that a reply a crash interrupted goes out
    /// within a minute of the restart, when the lease runs out and another worker takes the post over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outbox:Lease must be between 1 second and 1 hour.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// How many posts one worker has in flight at once. The platforms answer in tens to hundreds of milliseconds, so
    /// sending one at a time would keep a morning of nudges far below what their rate limits allow.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Outbox:Concurrency must be between 1 and 64.")]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// Once the host is stopping, how long sends already under way may go on (no new ones start). The host sets it
    /// from Shutdown:Timeout, leaving the rest of that time to record what they did.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Outbox:Drain must be between 0 and 10 minutes.")]
    public TimeSpan Drain { get; set; } = TimeSpan.FromSeconds(20);
}
