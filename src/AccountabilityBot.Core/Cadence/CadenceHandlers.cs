using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

/// <summary>The CCO's weekly rhythm: show it, set a post's days/time/zone, pause and resume.</summary>
public sealed class CadenceHandlers(AppDbContext db, ICadenceScheduler scheduler)
    : ICommandHandler<CadenceShowCommand>, ICommandHandler<CadenceSetCommand>, ICommandHandler<CadencePauseCommand>, ICommandHandler<CadenceSendCommand>
{
    public async Task<ChatMessage> HandleAsync(CadenceShowCommand command, CommandContext ctx, CancellationToken ct)
    {
        var all = await db.CadenceSettings.OrderBy(c => c.Id).ToListAsync(ct);
        var channels = await db.ChannelBindings.OrderBy(c => c.Id).ToListAsync(ct);
        var lines = all.Select(s => (RichText)Describe(s, ctx.UtcNow)).ToList();
        var blocks = new List<MessageBlock> { new HeaderBlock("The weekly cadence") };
        blocks.Add(lines.Count == 0
            ? new TextBlock("Nothing scheduled yet. Set the weekly review with `cadence review mon 08:00 America/New_York`.")
            : new ListBlock(lines));
        blocks.Add(new ContextBlock(channels.Count == 0
            ? "No channels bound yet: in the leadership channel, say `channel leadership`."
            : "Posting to: " + string.Join(", ", channels.Select(c => $"{c.ConversationId} ({c.Purpose.ToString().ToLowerInvariant()}, {c.Platform})"))));
        return new ChatMessage(blocks);
    }

    public async Task<ChatMessage> HandleAsync(CadenceSetCommand command, CommandContext ctx, CancellationToken ct)
    {
        RequireSupported(command.Kind);
        var zoneId = command.TimeZone ?? (await Find(command.Kind, ct))?.TimeZone ?? ctx.TimeZone.Id;
        if (Clock.FindZone(zoneId) is null)
            throw new CommandRejectedException($"I don't know the time zone '{zoneId}'; use an IANA name like America/New_York.");
        if (command.Days.Count == 0)
            throw new CommandRejectedException("Which days? For example `cadence review mon 08:00`.");
        var setting = await Find(command.Kind, ct) ?? db.CadenceSettings.Add(new CadenceSetting { Kind = command.Kind, Days = "", TimeZone = zoneId }).Entity;
        setting.Days = CadenceSchedule.DaysText(command.Days);
        setting.LocalTime = command.Time;
        setting.TimeZone = zoneId;
        setting.IsPaused = false;
        db.Audit(ctx, "cadence.set", command.Kind, $"{setting.Days} {setting.LocalTime:HH\\:mm} {setting.TimeZone}");
        await db.SaveChangesAsync(ct);
        await scheduler.ApplyAsync(await db.CadenceSettings.ToListAsync(ct), ct);
        return Replies.Recorded("Scheduled", command.Kind, Describe(setting, ctx.UtcNow));
    }

    public async Task<ChatMessage> HandleAsync(CadencePauseCommand command, CommandContext ctx, CancellationToken ct)
    {
        RequireSupported(command.Kind);
        var setting = await Find(command.Kind, ct)
            ?? throw new CommandRejectedException($"'{command.Kind}' is not scheduled yet; set it first, e.g. `cadence {command.Kind} mon 08:00`.");
        setting.IsPaused = command.Pause;
        db.Audit(ctx, command.Pause ? "cadence.paused" : "cadence.resumed", command.Kind, setting.Kind);
        await db.SaveChangesAsync(ct);
        await scheduler.ApplyAsync(await db.CadenceSettings.ToListAsync(ct), ct);
        return Replies.Recorded(command.Pause ? "Paused" : "Resumed", command.Kind, Describe(setting, ctx.UtcNow));
    }

    /// <summary>Runs the kind's job now. Its posts are keyed by period, so sending now and again at the scheduled time posts once.</summary>
    public async Task<ChatMessage> HandleAsync(CadenceSendCommand command, CommandContext ctx, CancellationToken ct)
    {
        RequireSupported(command.Kind);
        if (await Find(command.Kind, ct) is { IsPaused: true })
            throw new CommandRejectedException($"{command.Kind} is paused; `cadence {command.Kind} resume` first, then send it.");
        db.Audit(ctx, "cadence.sent", command.Kind, command.Kind);
        await db.SaveChangesAsync(ct);
        await scheduler.RunNowAsync(command.Kind, ct);
        return ChatMessage.Text($"Sending {command.Kind} now. Each channel or person gets it once for this period, so the scheduled run "
            + $"won't repeat it; `cadence {command.Kind} preview` shows what it says.");
    }

    void RequireSupported(string kind)
    {
        if (!scheduler.SupportedKinds.Contains(kind))
            throw new CommandRejectedException(
                $"'{kind}' posts can't be scheduled in this version yet; these can: {string.Join(", ", scheduler.SupportedKinds)}.");
    }

    Task<CadenceSetting?> Find(string kind, CancellationToken ct) => db.CadenceSettings.SingleOrDefaultAsync(c => c.Kind == kind, ct);

    string Describe(CadenceSetting s, DateTime utcNow)
    {
        var zone = Clock.FindZone(s.TimeZone) ?? TimeZoneInfo.Utc;
        var zoneText = s.Kind == CadenceKinds.Nudges ? $"in each owner's own zone (else {s.TimeZone})" : s.TimeZone;
        var when = $"{s.Kind}: {(s.Days == "daily" ? "every day" : s.Days)} at {s.LocalTime:HH\\:mm} {zoneText}";
        if (s.IsPaused) return when + " · paused";
        var next = TimeZoneInfo.ConvertTimeFromUtc(CadenceSchedule.NextRun(s, utcNow, zone), zone);
        return $"{when} · next {next.ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
