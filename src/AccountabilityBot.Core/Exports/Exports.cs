using System.Globalization;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Exports;

/// <summary>One export: its file name, its columns, and its rows streamed from the database in reference order.</summary>
public sealed record ExportDefinition(string Name, IReadOnlyList<string> Header, Func<AppDbContext, IAsyncEnumerable<string?[]>> Rows);

/// <summary>The CSV exports: decisions, commitments with their history, the stop list, frontline resolutions.</summary>
public static class Exports
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ExportDefinition> All { get; } =
    [
        new("decisions", ["ref", "decided_at", "decided_by", "text", "owner", "due", "prompted_by"], Decisions),
        new("commitments",
            ["ref", "title", "owner", "stage", "due", "status", "created_at", "closed_at", "event_at", "event", "event_status", "new_due", "note", "by"],
            Commitments),
        new("stop-list", ["ref", "title", "status", "owner", "why", "proposed_at", "agreed_at", "review_on", "reviewed_at"], StopList),
        new("resolutions", ["ref", "at", "by", "what", "customer", "stage", "cost"], Resolutions),
    ];

    public static ExportDefinition? Find(string name) => All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    static async IAsyncEnumerable<string?[]> Decisions(AppDbContext db)
    {
        await foreach (var d in db.Decisions.AsNoTracking().Include(d => d.DecidedBy).Include(d => d.Owner).OrderBy(d => d.Id).AsAsyncEnumerable())
            yield return ["D-" + d.Id, Instant(d.DecidedAt), d.DecidedBy.DisplayName, d.Text, d.Owner?.DisplayName, Day(d.DueOn), d.PromptedBy];
    }

    // A row for the commitment as created, then a row per status update: the history reads top to bottom.
    static async IAsyncEnumerable<string?[]> Commitments(AppDbContext db)
    {
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName);
        var rows = db.Commitments.AsNoTracking().Include(c => c.Stage).Include(c => c.Updates).OrderBy(c => c.Id).AsSplitQuery().AsAsyncEnumerable();
        await foreach (var c in rows)
        {
            string?[] Row(DateTime at, string what, CommitmentStatus status, DateOnly? newDue, string? note, int by) =>
            [
                "C-" + c.Id, c.Title, members.GetValueOrDefault(c.OwnerId), c.Stage?.Name, Day(c.DueOn), Format.Status(c.Status),
                Instant(c.CreatedAt), Instant(c.ClosedAt), Instant(at), what, Format.Status(status), Day(newDue), note, members.GetValueOrDefault(by),
            ];
            yield return Row(c.CreatedAt, "created", CommitmentStatus.OnTrack, null, null, c.CreatedById);
            foreach (var u in c.Updates.OrderBy(u => u.At).ThenBy(u => u.Id)) yield return Row(u.At, "update", u.Status, u.NewDueOn, u.Note, u.ById);
        }
    }

    static async IAsyncEnumerable<string?[]> StopList(AppDbContext db)
    {
        await foreach (var s in db.StopItems.AsNoTracking().Include(s => s.Owner).OrderBy(s => s.Id).AsAsyncEnumerable())
            yield return
            [
                "S-" + s.Id, s.Title, s.Status.ToString(), s.Owner?.DisplayName, s.Rationale,
                Instant(s.ProposedAt), Instant(s.AgreedAt), Day(s.ReviewOn), Instant(s.ReviewedAt),
            ];
    }

    static async IAsyncEnumerable<string?[]> Resolutions(AppDbContext db)
    {
        await foreach (var r in db.Resolutions.AsNoTracking().Include(r => r.By).Include(r => r.Stage).OrderBy(r => r.Id).AsAsyncEnumerable())
            yield return ["R-" + r.Id, Instant(r.At), r.By.DisplayName, r.What, r.CustomerName, r.Stage?.Name, r.Cost?.ToString("0.##", Invariant)];
    }

    static string? Instant(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant);

    static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Invariant);
}
