using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Common;

/// <summary>Loads records by their human reference, rejecting unknown ones with a reply that says what to do.</summary>
public sealed class Records(AppDbContext db)
{
    public async Task<Commitment> CommitmentAsync(int id, CancellationToken ct) =>
        await db.Commitments.Include(c => c.Owner).Include(c => c.Stage).SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new CommandRejectedException($"There is no commitment {Refs.Of(Refs.Commitment, id)}. `mine` lists yours.");

    public async Task<StopItem> StopItemAsync(int id, CancellationToken ct) =>
        await db.StopItems.Include(s => s.Owner).SingleOrDefaultAsync(s => s.Id == id, ct)
        ?? throw new CommandRejectedException($"There is no stop-list item {Refs.Of(Refs.Stop, id)}. `stop list` shows them all.");

    public async Task<LostStory> StoryAsync(int id, CancellationToken ct) =>
        await db.LostStories.Include(s => s.Event).ThenInclude(e => e.Customer).SingleOrDefaultAsync(s => s.Id == id, ct)
        ?? throw new CommandRejectedException($"There is no lost-customer story {Refs.Of(Refs.LostStory, id)}.");

    /// <summary>Checks that a "re:" reference names a record that exists, and returns it normalised.</summary>
    public async Task<string> ExistingReferenceAsync(string reference, CancellationToken ct)
    {
        if (!Refs.TryParse(reference, out var prefix, out var id))
            throw new CommandRejectedException($"'{reference}' is not a reference I know; use one like L-5, S-3 or D-12.");
        var exists = prefix switch
        {
            Refs.Decision => await db.Decisions.AnyAsync(x => x.Id == id, ct),
            Refs.Commitment => await db.Commitments.AnyAsync(x => x.Id == id, ct),
            Refs.Stop => await db.StopItems.AnyAsync(x => x.Id == id, ct),
            Refs.LostStory => await db.LostStories.AnyAsync(x => x.Id == id, ct),
            Refs.Resolution => await db.Resolutions.AnyAsync(x => x.Id == id, ct),
            Refs.Event => await db.CustomerEvents.AnyAsync(x => x.Id == id, ct),
            Refs.Prompt => await db.Prompts.AnyAsync(x => x.Id == id, ct),
            Refs.Touchpoint => await db.Touchpoints.AnyAsync(x => x.Id == id, ct),
            Refs.Pattern => await db.FrontlinePatterns.AnyAsync(x => x.Id == id, ct),
            _ => false,
        };
        var normalised = Refs.Of(prefix, id);
        return exists ? normalised : throw new CommandRejectedException($"I can't find {normalised}; check the reference and try again.");
    }

    /// <summary>Finds an active journey stage by name, case-insensitively.</summary>
    public async Task<JourneyStage> StageAsync(string name, CancellationToken ct)
    {
        var stages = await db.JourneyStages.Where(s => !s.IsRetired).OrderBy(s => s.Position).ToListAsync(ct);
        return stages.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? stages.FirstOrDefault(s => s.Name.StartsWith(name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CommandRejectedException(
                $"There is no journey stage called '{name}'. The stages are: {string.Join(", ", stages.Select(s => s.Name))}.");
    }

    /// <summary>
    /// Saves the new record (for its id, hence its reference) and adds the audit entry naming it. The entry is saved
    /// with the dispatcher's closing save, in the same transaction: one round trip fewer per command.
    /// </summary>
    public async Task<string> SaveWithAuditAsync(CommandContext ctx, char prefix, Func<int> id, string action, string summary, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var reference = Refs.Of(prefix, id());
        db.Audit(ctx, action, reference, summary);
        return reference;
    }
}
