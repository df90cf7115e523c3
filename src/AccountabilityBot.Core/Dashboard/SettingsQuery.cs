using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>One kind of scheduled post as the settings page shows it; <see cref="NextRun"/> is in the viewer's own zone.</summary>
/// <param name="Setting">Null when the kind has never been scheduled.</param>
/// <param name="Supported">This host has a job for the kind (<see cref="ICadenceScheduler.SupportedKinds"/>).</param>
public sealed record CadenceRow(string Kind, CadenceSetting? Setting, bool Supported, DateTimeOffset? NextRun);

/// <summary>The cadence for the viewer: each kind, its schedule and its next run in the viewer's zone.</summary>
public sealed record CadenceOverview(TimeZoneInfo ViewerZone, IReadOnlyList<CadenceRow> Kinds);

/// <param name="Away">"away until Mon 28 Dec 2026" and the like (<see cref="Members.Availability.AwayNote"/>); null when here.</param>
public sealed record MemberRow(int Id, ChatPlatform Platform, string PlatformUserId, string DisplayName, Role Role, string? Away);

public sealed record ApiKeyRow(string Name, DateTime CreatedAt);

/// <summary>
/// What the CCO's settings pages read: the same records the chat's `cadence`, `role`, `stage`, `channel` and `apikey`
/// list, read without running a command (a page view records nothing). Changes go through the command engine.
/// </summary>
public sealed class SettingsQuery(AppDbContext db, ICadenceScheduler scheduler, BotSettings settings, TimeProvider clock)
{
    /// <summary>The next run is the chat's (<see cref="CadenceSchedule.NextRun"/>, the instant the scheduler's cron fires), in the viewer's zone.</summary>
    public async Task<CadenceOverview> CadenceAsync(int viewerId, CancellationToken ct)
    {
        var viewerZoneId = await db.Members.AsNoTracking().Where(m => m.Id == viewerId).Select(m => m.TimeZone).FirstOrDefaultAsync(ct);
        var viewerZone = Clock.FindZone(viewerZoneId) ?? await TeamZone.FindAsync(db, settings, ct);
        var stored = await db.CadenceSettings.AsNoTracking().ToDictionaryAsync(c => c.Kind, ct);
        var now = clock.UtcNow();
        var rows = CadenceKinds.All.Select(kind =>
        {
            var setting = stored.GetValueOrDefault(kind);
            DateTimeOffset? next = null;
            if (setting is { IsPaused: false } && Clock.FindZone(setting.TimeZone) is { } zone)
            {
                var utc = CadenceSchedule.NextRun(setting, now, zone);
                next = new DateTimeOffset(utc).ToOffset(viewerZone.GetUtcOffset(utc));
            }
            return new CadenceRow(kind, setting, scheduler.SupportedKinds.Contains(kind), next);
        }).ToList();
        return new CadenceOverview(viewerZone, rows);
    }

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(CancellationToken ct)
    {
        var (teamZone, now) = (await TeamZone.FindAsync(db, settings, ct), clock.UtcNow());
        return (await db.Members.AsNoTracking().OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct))
            .Select(m => new MemberRow(m.Id, m.Platform, m.PlatformUserId, m.DisplayName, m.Role,
                Members.Availability.AwayNote(m, now, teamZone)))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> StagesAsync(CancellationToken ct) => await db.JourneyStages.AsNoTracking()
        .Where(s => !s.IsRetired).OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<ChannelBinding>> ChannelsAsync(CancellationToken ct) => await db.ChannelBindings.AsNoTracking()
        .OrderBy(b => b.Purpose).ThenBy(b => b.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<ApiKeyRow>> ApiKeysAsync(CancellationToken ct) => await db.Set<ApiKeys.ApiKey>().AsNoTracking()
        .Where(k => k.RevokedAt == null).OrderBy(k => k.Name).Select(k => new ApiKeyRow(k.Name, k.CreatedAt)).ToListAsync(ct);
}
