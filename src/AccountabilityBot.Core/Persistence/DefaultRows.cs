using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Persistence;

public static class DefaultRows
{
    /// <summary>
    /// Saves the rows a fresh installation starts with (journey stages, the cadence). Instances starting together on one
    /// database may both add them; the unique index lets one win, and the other, finding them there, carries on.
    /// </summary>
    public static async Task SaveDefaultsAsync(this AppDbContext db, Func<Task<bool>> addedElsewhere, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await addedElsewhere()) throw;
        }
    }
}
