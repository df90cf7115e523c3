using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Jobs;

/// <summary>Section "Jobs": the Hangfire server's size and polling.</summary>
public sealed class JobSettings
{
    public const string SectionName = "Jobs";

    /// <summary>False runs the web host without a Hangfire server (e.g. a second instance that only answers chat).</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 20, ErrorMessage = "Jobs:WorkerCount must be between 1 and 20.")]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often workers look for new jobs; low enough that "run now" feels immediate.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Jobs:PollInterval must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
