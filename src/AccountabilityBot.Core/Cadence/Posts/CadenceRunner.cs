using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>Plans and runs one kind of scheduled post; what the scheduler calls, whatever the scheduler is.</summary>
public sealed class CadenceRunner(AppDbContext db, Outbox outbox, IServiceProvider services, ILogger<CadenceRunner> log)
{
    public async Task<int> RunAsync(string kind, CancellationToken ct)
    {
        var setting = await db.CadenceSettings.AsNoTracking().SingleOrDefaultAsync(c => c.Kind == kind, ct);
        if (setting is null || setting.IsPaused)
        {
            log.LogInformation("Skipped {Kind}: {Reason}", kind, setting is null ? "not scheduled" : "paused");
            return 0;
        }
        // Recoveries are noted before planning, so a touchpoint back on the good side may be raised again when it next crosses.
        if (kind == CadenceKinds.Touchpoints) await Get<TouchpointPosts>().NoteRecoveriesAsync(ct);
        var posted = await outbox.PostAllAsync(await PlanAsync(setting, ct), ct);
        if (posted > 0) log.LogInformation("{Kind}: {Count} post(s) claimed", kind, posted);
        return posted;
    }

    /// <summary>What a run would post now. Composing is left to the caller, so planning has no side effects.</summary>
    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CadenceSetting setting, CancellationToken ct) => setting.Kind switch
    {
        CadenceKinds.Review => await Get<ReviewPosts>().PlanAsync(ct),
        CadenceKinds.Stories => await Get<StoryPosts>().PlanAsync(ct),
        CadenceKinds.Stops => await Get<StopReviewPosts>().PlanAsync(ct),
        CadenceKinds.Escalation => await Get<EscalationPosts>().PlanAsync(ct),
        CadenceKinds.Prompts => await Get<PromptPosts>().PlanQuestionsAsync(ct),
        CadenceKinds.Touchpoints => await Get<TouchpointPosts>().PlanAsync(ct),
        CadenceKinds.Patterns => await Get<PatternPosts>().PlanAsync(ct),
        CadenceKinds.Nudges => [.. await Get<NudgePosts>().PlanAsync(setting, ct), .. await Get<PromptPosts>().PlanRemindersAsync(setting, ct)],
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting.Kind, "Unknown cadence kind."),
    };

    T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
