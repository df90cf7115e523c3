using System.ComponentModel.DataAnnotations;
using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.Jobs;

/// <summary>Section "Jobs": the Hangfire server's size and polling, and where its dashboard is served.</summary>
public sealed class JobSettings : IValidatableObject
{
    public const string SectionName = "Jobs";

    /// <summary>False runs the web host without a Hangfire server (e.g. a second instance that only answers chat).</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 20, ErrorMessage = "Jobs:WorkerCount must be between 1 and 20.")]
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// Workers kept for answers to chat (<see cref="FollowUpQueue"/>), beside <see cref="WorkerCount"/>: a review's
    /// fan-out may hold every general worker for minutes, and an executive's answer must not wait behind it.
    /// </summary>
    [Range(1, 20, ErrorMessage = "Jobs:ReplyWorkerCount must be between 1 and 20.")]
    public int ReplyWorkerCount { get; set; } = 2;

    /// <summary>How often workers look for new jobs; low enough that "run now" feels immediate.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Jobs:PollInterval must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// An extra address to listen on, such as http://127.0.0.1:5099, kept from before the job dashboard had a sign-in.
    /// The dashboard is at /hangfire on every address, for the signed-in CCO only.
    /// </summary>
    public string? DashboardUrl { get; set; }

    public Uri? Dashboard => PrivateAddress.Parse(DashboardUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(DashboardUrl) && Dashboard is null)
            yield return new("Jobs:DashboardUrl must be an address with a port of its own, such as http://127.0.0.1:5099.", [nameof(DashboardUrl)]);
    }
}
