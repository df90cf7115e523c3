using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

public static class CadenceDefaults
{
    /// <summary>A fresh installation reviews customers on Monday at 08:00 in the configured zone, until the CCO says otherwise.</summary>
    public static async Task EnsureAsync(AppDbContext db, BotSettings settings, CancellationToken ct)
    {
        if (await db.CadenceSettings.AnyAsync(c => c.Kind == CadenceKinds.Review, ct)) return;
        db.CadenceSettings.Add(new CadenceSetting
        {
            Kind = CadenceKinds.Review,
            Days = "mon",
            LocalTime = new TimeOnly(8, 0),
            TimeZone = Clock.FindZone(settings.DefaultTimeZone)?.Id ?? "UTC",
        });
        await db.SaveChangesAsync(ct);
    }
}
