using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Resolutions;

/// <summary>Logs what a frontline member fixed on their own, thanks them, and shows the week's tally.</summary>
public sealed class ResolvedHandler(AppDbContext db, Records records, BotSettings settings) : ICommandHandler<ResolvedCommand>
{
    public const string AuditAction = "resolution.logged";

    // Compiled once: the frontline's most frequent command runs it every time.
    static readonly CompiledPerModel<Func<AppDbContext, DateTime, CancellationToken, Task<int>>> ResolvedSince = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, DateTime since, CancellationToken _) => db.ResolutionTallies.Where(t => t.Hour >= since).Sum(t => t.Count)));

    public async Task<ChatMessage> HandleAsync(ResolvedCommand command, CommandContext ctx, CancellationToken ct)
    {
        var stage = command.Stage is null ? null : await records.StageAsync(command.Stage, ct);
        var resolution = NewResolution(command, ctx, stage?.Id);
        db.Resolutions.Add(resolution);
        var reference = await records.SaveWithAuditAsync(ctx, Refs.Resolution, () => resolution.Id, AuditAction, command.What, ct);
        return Reply(command, ctx, reference, stage?.Name, await ResolvedSince.For(db)(db, WeekStart(ctx.UtcNow), ct), settings);
    }

    public static Resolution NewResolution(ResolvedCommand command, CommandContext ctx, int? stageId) => new()
    {
        What = command.What,
        CustomerName = command.Customer,
        StageId = stageId,
        Cost = command.Cost,
        ById = ctx.Speaker.Id,
        At = ctx.UtcNow,
    };

    /// <summary>From the tally the database keeps (the hour 7 days ago counts whole): one row an hour, however busy the week.</summary>
    public static DateTime WeekStart(DateTime utcNow) => ResolutionTally.HourOf(utcNow.AddDays(-7));

    public static ChatMessage Reply(ResolvedCommand command, CommandContext ctx, string reference, string? stageName, int thisWeek, BotSettings settings)
    {
        var reply = Replies.Recorded($"Thank you, {ctx.Speaker.DisplayName}! Logged", reference, command.What, Replies.Details(
            ("customer", Replies.Text(command.Customer)),
            ("stage", Replies.Text(stageName)),
            ("cost", Replies.Money(command.Cost, settings))));
        return reply with
        {
            Blocks = [.. reply.Blocks, new ContextBlock($"The frontline has resolved {Format.Count(thisWeek, "issue")} on their own in the last 7 days.")],
        };
    }
}
