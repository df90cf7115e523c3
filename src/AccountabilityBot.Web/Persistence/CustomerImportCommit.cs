using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace AccountabilityBot.Web.Persistence;

/// <summary>The end of an import on either provider: what it added and changed, one audit entry, one commit.</summary>
internal static class CustomerImportCommit
{
    /// <param name="eventsBefore">Events in the table when the import began; upserts don't say whether they inserted,
    /// the growth of the table does, counted once instead of per row.</param>
    public static async Task<(int Inserted, int Updated)> FinishAsync(AppDbContext db, IDbContextTransaction transaction, DateTime now,
        long eventsBefore, long eventsAfter, long written, Func<int, int, string> auditSummary, CancellationToken ct)
    {
        var inserted = (int)(eventsAfter - eventsBefore);
        var updated = (int)written - inserted;
        var summary = auditSummary(inserted, updated);
        db.AuditTrail.Add(new AuditEntry
        {
            At = now, Platform = ChatPlatform.Local, Action = "customers.import",
            Summary = summary.Length > 500 ? summary[..500] : summary,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (inserted, updated);
    }
}
