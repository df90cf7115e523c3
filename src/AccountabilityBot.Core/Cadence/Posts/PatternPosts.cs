using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Patterns;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// Frontline patterns, raised to leadership: each cluster the finder sees is remembered by its key (F-n) and posted once
/// per window; dismissed or proposed as a stop, it stays quiet for the CCO's quiet period. The pattern's row and evidence
/// are saved with the claimed posts, and the outbox key carries its previous raise, so two runs never raise one twice.
/// </summary>
public sealed class PatternPosts(AppDbContext db, PatternFinder finder, Audience audience, Outbox outbox, TimeProvider clock, BotSettings settings)
{
    public const string Kind = CadenceKinds.Patterns;

    /// <summary>A run outside the cadence (the demo's start).</summary>
    public async Task<int> RunAsync(CancellationToken ct) => await outbox.PostAllAsync(await PlanAsync(ct), ct);

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var search = await finder.FindAsync(ct);
        if (search.Candidates.Count == 0) return [];
        var channels = await audience.ChannelsAsync(ChannelPurpose.Leadership, ct);
        if (channels.Count == 0) return [];
        var known = await KnownAsync(db, search.Candidates, ct);
        var due = new List<(PatternCandidate Candidate, FrontlinePattern? Known)>();
        foreach (var c in search.Candidates)
        {
            var match = Match(c, known);
            if (match?.IsQuiet(now) == true || (match is not null && due.Any(d => d.Known == match))) continue;
            due.Add((c, match));
        }
        return due.SelectMany(d =>
        {
            var raise = new Raise(db, ct => RaiseAsync(d.Known?.Key ?? d.Candidate.Key, d.Candidate, search.Rule, now, ct));
            return channels.Select(to => new PlannedPost(
                new OutboxPost(to, $"{Kind}:{d.Known?.Key ?? d.Candidate.Key}:{d.Known?.RaisedAt.Ticks ?? 0}:{to.Platform}:{to.ConversationId}", Kind,
                    now + TimeSpan.FromDays(1)),
                raise.ComposeAsync));
        }).ToList();
    }

    /// <summary>The stored patterns any of these clusters answers to (tracked: a raise changes them).</summary>
    public static async Task<List<FrontlinePattern>> KnownAsync(AppDbContext db, IReadOnlyList<PatternCandidate> candidates, CancellationToken ct)
    {
        var keys = candidates.SelectMany(c => c.Keys).Distinct().ToList();
        return await db.FrontlinePatterns.Include(p => p.Evidence).Include(p => p.DismissedBy).Where(p => keys.Contains(p.Key))
            .OrderBy(p => p.Id).ToListAsync(ct);
    }

    public static FrontlinePattern? Match(PatternCandidate c, IReadOnlyList<FrontlinePattern> known) =>
        known.FirstOrDefault(p => c.Keys.Contains(p.Key));

    /// <summary>One pattern's raise, shared by its posts to each leadership channel: the row is written once.</summary>
    sealed class Raise(AppDbContext db, Func<CancellationToken, Task<(FrontlinePattern Row, ChatMessage Message)>> write)
    {
        (FrontlinePattern Row, ChatMessage Message)? done;

        public async Task<ChatMessage> ComposeAsync(CancellationToken ct)
        {
            // Written again if the outbox rolled back and cleared what it tracked (another instance claimed some posts).
            if (done is not { } d || db.Entry(d.Row).State == EntityState.Detached) done = d = await write(ct);
            return d.Message;
        }
    }

    async Task<(FrontlinePattern, ChatMessage)> RaiseAsync(string key, PatternCandidate c, PatternRule rule, DateTime now, CancellationToken ct)
    {
        var row = await WriteAsync(key, c, rule, now, ct);
        var view = await PatternEvidenceView.LoadAsync(db, c, ct);
        return (row, PatternMessage.Compose(Refs.Of(Refs.Pattern, row.Id), view, rule, settings.CurrencySymbol));
    }

    async Task<FrontlinePattern> WriteAsync(string key, PatternCandidate c, PatternRule rule, DateTime now, CancellationToken ct)
    {
        var row = await db.FrontlinePatterns.Include(p => p.Evidence).SingleOrDefaultAsync(p => p.Key == key, ct);
        if (row is null)
        {
            row = new FrontlinePattern { Key = key, Name = c.Name, FirstRaisedAt = now };
            db.FrontlinePatterns.Add(row);
        }
        row.Name = Fit(c.Name, FrontlinePattern.NameLength);
        row.StageId = c.StageId;
        row.CustomerName = c.Customer;
        row.Status = PatternStatus.Raised;
        row.Size = c.Fixes.Count;
        row.Cost = c.Cost;
        row.RaisedAt = now;
        row.QuietUntil = now.AddDays(rule.WindowDays);
        var ids = c.Fixes.Select(f => f.Id).ToHashSet();
        row.Evidence.RemoveAll(e => !ids.Remove(e.ResolutionId));
        row.Evidence.AddRange(ids.Select(id => new PatternEvidence { ResolutionId = id }));
        await db.SaveChangesAsync(ct); // for its id, inside the outbox's claiming transaction
        return row;
    }

    static string Fit(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}
