using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Common;

public static class TeamZone
{
    /// <summary>
    /// The leadership team's zone: the one the CCO set for the weekly review, else Bot:DefaultTimeZone, else UTC.
    /// Members without a zone of their own live in it too.
    /// </summary>
    public static async Task<TimeZoneInfo> FindAsync(AppDbContext db, BotSettings settings, CancellationToken ct)
    {
        var cadenceZone = await db.CadenceSettings.AsNoTracking()
            .Where(c => c.Kind == CadenceKinds.Review).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        return Clock.FindZone(cadenceZone) ?? Clock.FindZone(settings.DefaultTimeZone) ?? TimeZoneInfo.Utc;
    }

    /// <summary>The team's zone and the day it is there now.</summary>
    public static async Task<(DateOnly Today, TimeZoneInfo Zone)> TodayAsync(AppDbContext db, BotSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var zone = await FindAsync(db, settings, ct);
        return (clock.Today(zone), zone);
    }
}
