using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Common;

public static class AuditExtensions
{
    /// <summary>Adds an audit entry to the unit of work; it is saved with the change it describes.</summary>
    public static void Audit(this AppDbContext db, CommandContext ctx, string action, string? subject, string summary) =>
        db.AuditTrail.Add(Entry(ctx, action, subject, summary));

    /// <summary>The audit entry for a change (the summary clipped to 500 characters), for a writer that is not EF's.</summary>
    public static AuditEntry Entry(CommandContext ctx, string action, string? subject, string summary) =>
        new()
        {
            At = ctx.UtcNow,
            ActorId = ctx.Speaker.Id,
            Platform = ctx.Platform,
            Via = ctx.Via,
            Action = action,
            Subject = subject,
            Summary = summary.Length > 500 ? summary[..500] : summary,
        };
}
