using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Patterns;

/// <summary>Lists frontline patterns, dismisses one with its reason, sets the threshold, and runs the search when asked.</summary>
public sealed class PatternHandler(AppDbContext db, PatternFinder finder, ICadenceScheduler scheduler, BotSettings settings)
    : ICommandHandler<PatternListCommand>, ICommandHandler<PatternDismissCommand>, ICommandHandler<PatternThresholdCommand>,
      ICommandHandler<PatternCheckCommand>
{
    const int MaxListed = 15;

    public async Task<ChatMessage> HandleAsync(PatternListCommand command, CommandContext ctx, CancellationToken ct)
    {
        var search = await finder.FindAsync(ct);
        var known = await PatternPosts.KnownAsync(db, search.Candidates, ct);
        var stages = await db.JourneyStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var answered = await db.FrontlinePatterns.AsNoTracking().Include(p => p.DismissedBy)
            .Where(p => p.Status != PatternStatus.Raised && p.QuietUntil > ctx.UtcNow).OrderByDescending(p => p.Id).Take(MaxListed).ToListAsync(ct);
        var proposed = await db.StopItems.AsNoTracking().Where(s => s.PatternId != null).Select(s => new { s.Id, s.PatternId }).ToListAsync(ct);
        var rule = search.Rule;
        var blocks = new List<MessageBlock> { new HeaderBlock("Frontline patterns") };
        blocks.Add(new ContextBlock($"A pattern: {rule.Size} or more fixes in {rule.WindowDays} days at one journey stage sharing at least two "
            + $"significant words ({PatternWords.Explained}), or for one customer. Answered ones stay quiet for {rule.QuietDays} days."));
        if (search.Candidates.Count == 0) blocks.Add(new TextBlock($"No pattern in the last {rule.WindowDays} days."));
        else
        {
            blocks.Add(new TextBlock(RichText.Bold($"In the last {rule.WindowDays} days ({search.Candidates.Count})")));
            blocks.Add(new ListBlock([.. search.Candidates.Take(MaxListed).Select(c => Found(c, PatternPosts.Match(c, known), stages, ctx.UtcNow))]));
        }
        if (answered.Count > 0)
        {
            blocks.Add(new TextBlock(RichText.Bold($"Answered by leadership ({answered.Count})")));
            blocks.Add(new ListBlock([.. answered.Select(p => Answered(p, proposed.FirstOrDefault(s => s.PatternId == p.Id)?.Id, stages))]));
        }
        return new ChatMessage(blocks);
    }

    RichText Found(PatternCandidate c, FrontlinePattern? known, IReadOnlyDictionary<int, string> stages, DateTime now)
    {
        var name = PatternMessage.Title(c, c.StageId is { } s ? stages.GetValueOrDefault(s) : null);
        var evidence = $"{Format.Count(c.Fixes.Count, "fix", "fixes")}{(c.Cost > 0 ? ", " + Format.Money(c.Cost, settings.CurrencySymbol) : "")} "
            + $"({string.Join(", ", c.Fixes.Take(5).Select(f => Refs.Of(Refs.Resolution, f.Id)))}{(c.Fixes.Count > 5 ? ", …" : "")})";
        var state = known switch
        {
            null => "not raised yet",
            { Status: PatternStatus.Dismissed } when known.IsQuiet(now) => "dismissed",
            { Status: PatternStatus.StopProposed } when known.IsQuiet(now) => "proposed as a stop",
            _ when known.IsQuiet(now) => $"raised {Format.Date(DateOnly.FromDateTime(known.RaisedAt))}",
            _ => "due to be raised again",
        };
        var reference = known is null ? "" : Refs.Of(Refs.Pattern, known.Id) + " ";
        return RichText.Of(new TextSpan(reference + name, Bold: true), new TextSpan($": {evidence} · {state}"));
    }

    static RichText Answered(FrontlinePattern p, int? stop, IReadOnlyDictionary<int, string> stages)
    {
        var name = PatternMessage.Title(p, stages.GetValueOrDefault(p.StageId ?? 0));
        var spans = new List<Span> { new TextSpan(Refs.Of(Refs.Pattern, p.Id) + " " + name, Bold: true) };
        if (p.Status == PatternStatus.Dismissed)
        {
            spans.Add(new TextSpan(" · dismissed by "));
            if (p.DismissedBy is { } by) spans.Add(MentionSpan.Of(by));
            spans.Add(new TextSpan($": “{p.DismissedReason}”"));
        }
        else spans.Add(new TextSpan(stop is { } s ? $" · proposed as stop {Refs.Of(Refs.Stop, s)}" : " · proposed as a stop"));
        spans.Add(new TextSpan(" · quiet until "));
        spans.Add(new DateSpan(DateOnly.FromDateTime(p.QuietUntil!.Value)));
        return new RichText(spans);
    }

    public async Task<ChatMessage> HandleAsync(PatternDismissCommand command, CommandContext ctx, CancellationToken ct)
    {
        var pattern = await RequireAsync(db, command.PatternId, ct);
        var reference = Refs.Of(Refs.Pattern, pattern.Id);
        if (pattern.Status == PatternStatus.Dismissed && pattern.IsQuiet(ctx.UtcNow))
            throw new CommandRejectedException($"{reference} is already dismissed (“{pattern.DismissedReason}”); it stays quiet until "
                + $"{Format.Date(DateOnly.FromDateTime(pattern.QuietUntil!.Value))}.");
        var rule = await PatternFinder.RuleAsync(db, ct);
        pattern.Status = PatternStatus.Dismissed;
        pattern.DismissedReason = command.Reason;
        pattern.DismissedById = ctx.Speaker.Id;
        pattern.DismissedAt = ctx.UtcNow;
        pattern.QuietUntil = ctx.UtcNow.AddDays(rule.QuietDays);
        db.Audit(ctx, "pattern.dismissed", reference, command.Reason);
        await db.SaveChangesAsync(ct);
        return Replies.Recorded("Dismissed pattern", reference, pattern.Name, Replies.Details(
            ("why", Replies.Text(command.Reason)),
            ("quiet until", Replies.Date(DateOnly.FromDateTime(pattern.QuietUntil.Value)))));
    }

    public async Task<ChatMessage> HandleAsync(PatternThresholdCommand command, CommandContext ctx, CancellationToken ct)
    {
        var rule = await db.PatternRules.OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (rule is null) db.PatternRules.Add(rule = new PatternRule());
        rule.Size = command.Size;
        rule.WindowDays = command.WindowDays;
        rule.QuietDays = command.QuietDays ?? rule.QuietDays;
        rule.ChangedById = ctx.Speaker.Id;
        rule.ChangedAt = ctx.UtcNow;
        var text = $"{command.Size} fixes in {command.WindowDays} days, quiet for {rule.QuietDays} days once answered";
        db.Audit(ctx, "pattern.threshold", null, text);
        await db.SaveChangesAsync(ct);
        await scheduler.RunNowAsync(CadenceKinds.Patterns, ct);
        return ChatMessage.Text($"✅ A frontline pattern is now {text}. I'm looking for patterns under the new threshold now.");
    }

    public async Task<ChatMessage> HandleAsync(PatternCheckCommand command, CommandContext ctx, CancellationToken ct)
    {
        await scheduler.RunNowAsync(CadenceKinds.Patterns, ct);
        var search = await finder.FindAsync(ct);
        return ChatMessage.Text($"Looking now: {Format.Count(search.Candidates.Count, "pattern")} in the last {search.Rule.WindowDays} days. "
            + "Any not raised yet goes to the leadership channel in a moment; `patterns` lists them.");
    }

    public static async Task<FrontlinePattern> RequireAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.FrontlinePatterns.Include(p => p.Evidence).SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new CommandRejectedException($"There is no frontline pattern {Refs.Of(Refs.Pattern, id)}. `patterns` lists them.");
}
