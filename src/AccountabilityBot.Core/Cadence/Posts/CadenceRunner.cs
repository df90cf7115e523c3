using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>Runs one kind of scheduled post; what the scheduler calls, whatever the scheduler is.</summary>
public sealed class CadenceRunner(AppDbContext db, IServiceProvider services, ILogger<CadenceRunner> log)
{
    public async Task<int> RunAsync(string kind, CancellationToken ct)
    {
        var setting = await db.CadenceSettings.AsNoTracking().SingleOrDefaultAsync(c => c.Kind == kind, ct);
        if (setting is null || setting.IsPaused)
        {
            log.LogInformation("Skipped {Kind}: {Reason}", kind, setting is null ? "not scheduled" : "paused");
            return 0;
        }
        var posted = kind switch
        {
            CadenceKinds.Review => await Get<ReviewPosts>().RunAsync(ct),
            CadenceKinds.Stories => await Get<StoryPosts>().RunAsync(ct),
            CadenceKinds.Stops => await Get<StopReviewPosts>().RunAsync(ct),
            CadenceKinds.Escalation => await Get<EscalationPosts>().RunAsync(ct),
            CadenceKinds.Prompts => await Get<PromptPosts>().AskAsync(ct),
            CadenceKinds.Nudges => await Get<NudgePosts>().RunAsync(setting, ct) + await Get<PromptPosts>().RemindAsync(setting, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown cadence kind."),
        };
        if (posted > 0) log.LogInformation("{Kind}: {Count} post(s) claimed", kind, posted);
        return posted;
    }

    T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
