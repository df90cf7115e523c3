using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Patterns;

/// <summary>A pattern answered by a stop-list proposal, and the evidence the proposal carries as its reason.</summary>
public sealed record PatternAnswer(FrontlinePattern Pattern, string Why);

/// <summary>Marks a pattern as proposed for the stop list (quiet for the quiet period) and words its evidence as the stop's reason.</summary>
public sealed class PatternStops(AppDbContext db, BotSettings settings)
{
    const int CitedFixes = 10;

    public async Task<PatternAnswer> AnswerAsync(int id, CommandContext ctx, CancellationToken ct)
    {
        var pattern = await PatternHandler.RequireAsync(db, id, ct);
        var reference = Refs.Of(Refs.Pattern, id);
        if (await db.StopItems.Where(s => s.PatternId == id && s.Status != StopItemStatus.Reinstated).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            is { } stop)
            throw new CommandRejectedException($"{reference} is already on the stop list as {Refs.Of(Refs.Stop, stop)}; `stop list` shows it.");
        var stage = pattern.StageId is { } s ? await db.JourneyStages.Where(x => x.Id == s).Select(x => x.Name).SingleAsync(ct) : null;
        var rule = await PatternFinder.RuleAsync(db, ct);
        pattern.Status = PatternStatus.StopProposed;
        pattern.QuietUntil = ctx.UtcNow.AddDays(rule.QuietDays);
        db.Audit(ctx, "pattern.stop-proposed", reference, pattern.Name);
        var fixes = pattern.Evidence.Select(e => e.ResolutionId).Order().ToList();
        var cited = string.Join(", ", fixes.Take(CitedFixes).Select(r => Refs.Of(Refs.Resolution, r))) + (fixes.Count > CitedFixes ? ", …" : "");
        var what = pattern.CustomerName is { } customer ? $"fixes for {customer}" : $"fixes at {stage} sharing “{pattern.Name}”";
        var cost = pattern.Cost > 0 ? $", costing {Format.Money(pattern.Cost, settings.CurrencySymbol)}" : "";
        return new PatternAnswer(pattern, $"Frontline pattern {reference}: {pattern.Size} {what} ({cited}){cost}.");
    }
}
