using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

public static class CadenceDefaults
{
    /// <summary>
    /// The rhythm of a fresh installation, in the team's zone, until the CCO changes it: the review on Monday 08:00,
    /// new stories and stop-list reviews each morning, nudges at 09:00 in each owner's own zone, escalations daily,
    /// the executives' question on Friday afternoon, and the
    /// touchpoint watch each morning (and whenever values arrive), then the frontline patterns.
    /// </summary>
    static readonly (string Kind, string Days, TimeOnly At)[] Defaults =
    [
        (CadenceKinds.Review, "mon", new(8, 0)),
        (CadenceKinds.Stories, "daily", new(10, 0)),
        (CadenceKinds.Stops, "daily", new(9, 0)),
        (CadenceKinds.Nudges, "daily", new(9, 0)),
        (CadenceKinds.Escalation, "daily", new(9, 30)),
        (CadenceKinds.Prompts, "fri", new(14, 0)),
        (CadenceKinds.Touchpoints, "daily", new(8, 30)),
        (CadenceKinds.Patterns, "daily", new(8, 45)),
    ];

    public static async Task EnsureAsync(AppDbContext db, BotSettings settings, CancellationToken ct)
    {
        var existing = await db.CadenceSettings.Select(c => c.Kind).ToListAsync(ct);
        var zone = (await TeamZone.FindAsync(db, settings, ct)).Id;
        foreach (var (kind, days, at) in Defaults.Where(d => !existing.Contains(d.Kind)))
            db.CadenceSettings.Add(new CadenceSetting { Kind = kind, Days = days, LocalTime = at, TimeZone = zone });
        await db.SaveDefaultsAsync(async () =>
        {
            var stored = await db.CadenceSettings.Select(c => c.Kind).ToListAsync(ct);
            return Defaults.All(d => stored.Contains(d.Kind));
        }, ct);
    }
}
