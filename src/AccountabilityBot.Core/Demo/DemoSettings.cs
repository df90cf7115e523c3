using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Demo;

/// <summary>
/// Journey stages, the review cadence, the two local channels and the shared scoreboard — each only where nothing is set yet.
/// </summary>
internal static class DemoSettings
{
    // Another seeder (or an earlier start) may have added stages already; keep theirs rather than duplicate names.
    public static async Task<List<JourneyStage>> EnsureStagesAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.JourneyStages.AnyAsync(ct))
            db.JourneyStages.AddRange(JourneyStage.Defaults.Select((name, i) => new JourneyStage { Name = name, Position = i + 1 }));
        await db.SaveChangesAsync(ct);
        return await db.JourneyStages.OrderBy(s => s.Position).ToListAsync(ct);
    }

    public static async Task EnsureCadenceAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.CadenceSettings.AnyAsync(c => c.Kind == CadenceKinds.Review, ct)) return;
        db.CadenceSettings.Add(new CadenceSetting
        {
            Kind = CadenceKinds.Review, Days = "mon", LocalTime = new TimeOnly(8, 0), TimeZone = "America/New_York",
        });
    }

    public static async Task EnsureChannelsAsync(AppDbContext db, Member cco, DateTime at, CancellationToken ct)
    {
        foreach (var (conversation, purpose) in new[] { ("leadership", ChannelPurpose.Leadership), ("frontline", ChannelPurpose.Frontline) })
        {
            if (await db.ChannelBindings.AnyAsync(b => b.Platform == ChatPlatform.Local && b.Purpose == purpose, ct)) continue;
            db.ChannelBindings.Add(new ChannelBinding
            {
                Platform = ChatPlatform.Local, ConversationId = conversation, Purpose = purpose, BoundById = cco.Id, BoundAt = at,
            });
        }
    }

    /// <summary>The demo's review shows each leader's follow-through, as if the CCO had typed <c>scoreboard share on</c>.</summary>
    public static async Task EnsureScoreboardSharedAsync(AppDbContext db, Member cco, DateTime at, CancellationToken ct)
    {
        if (await db.TeamSettings.AnyAsync(s => s.Name == TeamSettings.ScoreboardShared, ct)) return;
        db.TeamSettings.Add(new TeamSetting { Name = TeamSettings.ScoreboardShared, Value = "on", ChangedById = cco.Id, ChangedAt = at });
    }
}
