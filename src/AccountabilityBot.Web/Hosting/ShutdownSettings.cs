using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Hosting;

/// <summary>Section "Shutdown": how a stop (SIGTERM, an upgrade) drains.</summary>
public sealed class ShutdownSettings
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// How long a stopping instance may take: requests under way are answered, the job server takes no new job, and
    /// posts being sent finish (within <see cref="DrainShare"/> of it; the rest records what they did). A service
    /// manager must wait longer than this before it kills the process (systemd's TimeoutStopSec, 90 s by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Shutdown:Timeout must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The part of <see cref="Timeout"/> that posts already being sent get to finish.</summary>
    public const double DrainShare = 0.75;

    public TimeSpan Drain => Timeout * DrainShare;

    /// <summary>
    /// The part of <see cref="Timeout"/> the job server waits for its jobs and background processes; the rest lets it
    /// report itself stopped before the host's deadline.
    /// </summary>
    public const double JobServerShare = 0.9;

    public TimeSpan JobServer => Timeout * JobServerShare;
}
