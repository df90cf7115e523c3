using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Demo;

/// <summary>One audit row per kind of record seeded, so nobody mistakes sample data for real history.</summary>
internal static class DemoAudit
{
    public const string Action = "demo.seeded";

    public static void Record(AppDbContext db, DateTime at, IEnumerable<(string What, int Count)> counts) =>
        db.AuditTrail.AddRange(counts.Select(c => new AuditEntry
        {
            At = at,
            ActorId = null,
            Platform = ChatPlatform.Local,
            Action = Action,
            Subject = c.What,
            Summary = $"Seeded {c.Count} sample {c.What}.",
        }));
}
