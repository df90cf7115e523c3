using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Resolutions;

/// <summary>
/// What <see cref="ResolvedFastPath"/> needs from the database, as plain prepared statements in the command writer's
/// open transaction: three calls, so that a provider across a network can send each as one round trip. Synchronous on
/// purpose: it runs inside one batch on one connection, the writer's only work while it waits.
/// </summary>
public interface IResolutionFastStore
{
    /// <summary>The member with this platform id (name, email, role, zone), untracked; null if unknown.</summary>
    Member? FindSpeaker(ChatPlatform platform, string userId);

    /// <summary>
    /// Opens a savepoint and stores the inbox row with <see cref="InboxStatements.Receive"/>, as the inbox does (setting
    /// its id), then the resolution. Returns the resolution's new id and the resolutions logged since this hour from the
    /// hourly tally, this one included; null, with nothing kept, for a copy of a delivery stored before that is not to
    /// run again, or one another open transaction holds (see <see cref="DeliveryClaim"/>): the full way tells which.
    /// A failure here undoes what it wrote; after it, <see cref="Keep"/> or <see cref="RollBack"/> follows.
    /// </summary>
    (int Id, int ResolvedSince)? Record(ReceivedCommand row, Resolution resolution, DateTime since);

    /// <summary>Stores the audit entry and the answer on the inbox row (HandledAt, ReplyJson), and releases the savepoint.</summary>
    void Keep(AuditEntry entry, ReceivedCommand row);

    /// <summary>Undoes everything since <see cref="Record"/>.</summary>
    void RollBack();
}

/// <summary>
/// The frontline's <c>resolved</c> is the one command sent all day long, by every agent, so inside the command writer
/// it has a lean way through: the same rows and the same reply as <see cref="ResolvedHandler"/>, written with a handful
/// of prepared statements instead of EF's change tracker and query pipeline (bench/README.md has what that is worth).
/// Its rules are the full way's own: the inbox's insert (<see cref="InboxStatements"/>), the member's profile rules
/// (<see cref="MemberProfile"/>), the handler's resolution, audit entry and reply. It takes the common case only: a
/// known speaker with a time zone, nothing new in their profile and a role that may log, no journey stage, a delivery
/// not answered before. Anything else, or any failure (rolled back to its savepoint), returns null, and the dispatcher
/// runs the command the full way, which answers it exactly as before.
/// </summary>
public sealed class ResolvedFastPath(IResolutionFastStore store, TimeProvider clock, BotSettings settings, ILogger<ResolvedFastPath> log)
{
    /// <returns>The command done (the lean path answers nothing else); null to run it the full way.</returns>
    public CommandOutcome? TryRun(InboundCommand inbound)
    {
        try
        {
            return Takes(inbound) is var (ctx, command) ? Record(inbound, ctx, command) : null;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "The lean path for delivery {DeliveryId} failed; it runs the full way", inbound.DeliveryId);
            return null;
        }
    }

    /// <summary>The speaker's context and the command, if this is the common case the lean way takes.</summary>
    (CommandContext, ResolvedCommand)? Takes(InboundCommand inbound)
    {
        if (!inbound.Text.TrimStart().StartsWith("resolved ", StringComparison.OrdinalIgnoreCase)) return null;
        // Its audit insert has no column for where a command came from: a page's `resolved` takes the full way.
        if (inbound.Via is not null) return null;
        if (store.FindSpeaker(inbound.Platform, inbound.UserId) is not { } speaker) return null;
        // The full path would update the member's name, email or zone from the platform, or ask for the team's zone.
        if (MemberProfile.Of(inbound).WouldChange(speaker)) return null;
        if (Clock.FindZone(speaker.TimeZone) is not { } zone) return null;
        var ctx = new CommandContext(speaker, inbound.Platform, inbound.ConversationId, clock.Today(zone), zone, clock.GetUtcNow().UtcDateTime);
        if (CommandParser.Parse(inbound.Text, new ParseContext(ctx.Today)).Command is not ResolvedCommand { Stage: null } command) return null;
        return RolePolicy.Allows(speaker.Role, command) ? (ctx, command) : null;
    }

    /// <summary>Writes the command under a savepoint; null (and nothing kept) for a delivery stored before.</summary>
    CommandOutcome? Record(InboundCommand inbound, CommandContext ctx, ResolvedCommand command)
    {
        var row = Inbox.NewRow(inbound, ctx.UtcNow);
        var resolution = ResolvedHandler.NewResolution(command, ctx, stageId: null);
        // A retry: the full path answers it from the inbox.
        if (store.Record(row, resolution, ResolvedHandler.WeekStart(ctx.UtcNow)) is not { } recorded) return null;
        var (id, thisWeek) = recorded;
        try
        {
            var reference = Refs.Of(Refs.Resolution, id);
            var reply = ResolvedHandler.Reply(command, ctx, reference, stageName: null, thisWeek, settings);
            row.HandledAt = clock.GetUtcNow().UtcDateTime;
            row.ReplyJson = MessageJson.Serialize(reply);
            store.Keep(AuditExtensions.Entry(ctx, ResolvedHandler.AuditAction, reference, command.What), row);
            return CommandOutcome.Done(reply, row.Id);
        }
        catch
        {
            store.RollBack();
            throw;
        }
    }
}
