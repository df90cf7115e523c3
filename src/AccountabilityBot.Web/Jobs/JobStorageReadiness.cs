using AccountabilityBot.Web.Hosting;
using Hangfire;

namespace AccountabilityBot.Web.Jobs;

/// <summary>Hangfire's storage answers: scheduled posts and follow-ups can be queued and taken.</summary>
public sealed class JobStorageReadiness(JobStorage storage) : IReadinessCheck
{
    public string Name => "jobs";

    public Task<string?> ProblemAsync(CancellationToken ct) => Task.Run(() =>
    {
        using var connection = storage.GetConnection();
        _ = connection.GetAllItemsFromSet("recurring-jobs");
        return (string?)null;
    }, ct);
}
