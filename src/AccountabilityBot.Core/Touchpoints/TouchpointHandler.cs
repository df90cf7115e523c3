using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>Names, edits and lists touchpoints, and records their values; a change asks the watch to look again.</summary>
public sealed class TouchpointHandler(
    AppDbContext db, MemberDirectory members, Records records, TouchpointValues values, TouchpointWatch watch, ICadenceScheduler scheduler)
    : ICommandHandler<TouchpointListCommand>, ICommandHandler<TouchpointAddCommand>, ICommandHandler<TouchpointEditCommand>,
      ICommandHandler<TouchpointValueCommand>
{
    public async Task<ChatMessage> HandleAsync(TouchpointListCommand command, CommandContext ctx, CancellationToken ct)
    {
        var all = await watch.StatusesAsync(ct);
        if (all.Count == 0)
            return ChatMessage.Text("No touchpoints yet. The CCO names the few that make customers stay or leave: "
                + "touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4 owner:@maria");
        return new ChatMessage([
            new HeaderBlock("Touchpoints"),
            new ListBlock([.. all.Select(s => TouchpointView.Of(s).Line())]),
            new ContextBlock("🔴 past its threshold · 🟠 heading past it within two weeks at its current rate (a least-squares line "
                + $"through the last {TouchpointTrend.WindowDays} days). Record a value: touchpoint value NAME NUMBER on:DATE"),
        ]);
    }

    public async Task<ChatMessage> HandleAsync(TouchpointAddCommand command, CommandContext ctx, CancellationToken ct)
    {
        await RequireFreeNameAsync(command.Name, null, ct);
        var owner = command.Owner is null ? ctx.Speaker : await members.ResolveAsync(command.Owner, ctx, ct);
        var touchpoint = new Touchpoint
        {
            Name = command.Name, Stage = await records.StageAsync(command.Stage, ct), Unit = command.Unit, Good = command.Good,
            Threshold = Math.Round(command.Threshold, 2), OwnerId = owner.Id, Measure = command.Measure, CreatedAt = ctx.UtcNow,
        };
        db.Touchpoints.Add(touchpoint);
        var reference = await records.SaveWithAuditAsync(ctx, Refs.Touchpoint, () => touchpoint.Id, "touchpoint.added", command.Name, ct);
        return Replies.Recorded("Watching touchpoint", reference, command.Name, Details(touchpoint, owner));
    }

    public async Task<ChatMessage> HandleAsync(TouchpointEditCommand command, CommandContext ctx, CancellationToken ct)
    {
        var t = await values.RequireAsync(command.Touchpoint, ct);
        if (command.Name is { } name)
        {
            await RequireFreeNameAsync(name, t.Id, ct);
            t.Name = name;
        }
        if (command.Stage is { } stage) t.Stage = await records.StageAsync(stage, ct);
        if (command.Owner is { } owner) t.Owner = await members.ResolveAsync(owner, ctx, ct);
        t.Unit = command.Unit ?? t.Unit;
        t.Good = command.Good ?? t.Good;
        t.Threshold = command.Threshold is { } threshold ? Math.Round(threshold, 2) : t.Threshold;
        t.Measure = command.Measure ?? t.Measure;
        var reference = Refs.Of(Refs.Touchpoint, t.Id);
        db.Audit(ctx, "touchpoint.edited", reference, t.Name);
        await db.SaveChangesAsync(ct);
        // A new threshold or direction can put it across, or back: the watch looks again rather than waiting for tomorrow.
        await scheduler.RunNowAsync(CadenceKinds.Touchpoints, ct);
        return Replies.Recorded("Updated touchpoint", reference, t.Name, Details(t, t.Owner));
    }

    public async Task<ChatMessage> HandleAsync(TouchpointValueCommand command, CommandContext ctx, CancellationToken ct)
    {
        var t = await values.RequireAsync(command.Touchpoint, ct);
        var input = new TouchpointValueInput(command.On ?? ctx.Today, command.Value, command.Unit);
        if (TouchpointValues.Problem(t, input, ctx.Today) is { } problem) throw new CommandRejectedException(problem);
        var written = await values.WriteAsync(t, [input], ct);
        var reference = Refs.Of(Refs.Touchpoint, t.Id);
        var shown = TouchpointUnits.Show(input.Value, t.Unit);
        db.Audit(ctx, "touchpoint.value", reference, $"{shown} on {input.On:yyyy-MM-dd}");
        // Seen at the latest by the daily run, should the watch read before this command commits.
        await scheduler.RunNowAsync(CadenceKinds.Touchpoints, ct);
        var side = t.IsBad(input.Value) ? $"past the threshold of {TouchpointUnits.Show(t.Threshold, t.Unit)}" : "within the threshold";
        return Replies.Recorded(written.Updated > 0 ? "Replaced the value of" : "Recorded a value for", reference, t.Name, Replies.Details(
            ("value", Replies.Text($"{shown}, {side}")), ("on", Replies.Date(input.On))));
    }

    static RichText Details(Touchpoint t, Member owner) => Replies.Details(
        ("stage", Replies.Text(t.Stage.Name)),
        ("measure", Replies.Text(t.Measure)),
        ("threshold", Replies.Text($"{TouchpointUnits.Show(t.Threshold, t.Unit)}, {(t.Good == GoodDirection.Down ? "lower" : "higher")} is better")),
        ("fix owned by", Replies.Mention(owner)));

    async Task RequireFreeNameAsync(string name, int? except, CancellationToken ct)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (await db.Touchpoints.AnyAsync(t => t.Id != except && t.Name.ToLower() == lower, ct))
            throw new CommandRejectedException($"There is already a touchpoint called '{name.Trim()}'.");
    }
}
