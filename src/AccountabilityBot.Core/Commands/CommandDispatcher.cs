using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Resolutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// The one way in for every platform: store what arrived, parse it, check the role, run the use case, and answer with
/// what happened and a neutral message. A retried delivery gets the first answer again. Runs inside a
/// <see cref="CommandWriter"/> batch, the only route commands take.
/// </summary>
public sealed class CommandDispatcher(
    AppDbContext db, Inbox inbox, MemberDirectory members, CommandHandlers handlers,
    TimeProvider clock, BotSettings settings, ILogger<CommandDispatcher> log, ResolvedFastPath? fastPath = null)
{
    /// <summary>
    /// Runs the command inside the batch's transaction under a savepoint: nothing is durable until the batch commits,
    /// and a failing command rolls back only itself.
    /// </summary>
    public async Task<CommandOutcome> DispatchAsync(InboundCommand inbound, CancellationToken ct)
    {
        var batch = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Commands run inside a CommandWriter batch; queue them with CommandWriter.RunAsync.");
        // The frontline's `resolved` has a lean way through, where a provider registered one.
        if (fastPath?.TryRun(inbound) is { } fast) return fast;
        var receipt = await inbox.ReceiveAsync(inbound, ct);
        if (receipt.EarlierReply is { } earlier) return CommandOutcome.Repeat(earlier, receipt.Row.Refusal, receipt.Row.Id);
        if (receipt.HeldElsewhere) return CommandOutcome.Held();
        if (receipt.InProgress) return CommandOutcome.StillWorking(receipt.Row.Id);
        return await RunInBatchAsync(batch, inbound, receipt.Row, ct);
    }

    const string Savepoint = "command";

    async Task<CommandOutcome> RunInBatchAsync(IDbContextTransaction batch, InboundCommand inbound, ReceivedCommand row, CancellationToken ct)
    {
        // The inbox row is already written in the batch, before the savepoint: it stays whatever the command does.
        for (var attempt = 1; ; attempt++)
        {
            await batch.CreateSavepointAsync(Savepoint, ct);
            CommandOutcome outcome;
            try
            {
                outcome = await RunAsync(inbound, row.Id, ct);
                MarkHandled(row, outcome);
                await db.SaveChangesAsync(ct);
                await batch.ReleaseSavepointAsync(Savepoint, ct);
                return outcome;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConcurrentWrite(ex))
            {
                // Another instance on the same database stored the same unique row a moment before (a member speaking
                // to both at once, say), or the database chose this command to break a deadlock. Nothing of this run
                // stays; the next run finds that row, or the lock free, and goes on.
                log.LogInformation(ex, "Command {DeliveryId} met a concurrent write; running it again", row.DeliveryId);
                await UndoAsync(batch, ct);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = Failed(ex, row);
            }
            await UndoAsync(batch, ct);
            return await StoreFailureAsync(row, outcome, ct);
        }
    }

    const int MaxAttempts = 3;

    /// <summary>A write another instance's write got in the way of; the provider's own exception is inside.</summary>
    static bool IsConcurrentWrite(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is DbUpdateException) return true;
        return false;
    }

    /// <summary>Takes back everything the command wrote, in the database and in memory.</summary>
    async Task UndoAsync(IDbContextTransaction batch, CancellationToken ct)
    {
        await batch.RollbackToSavepointAsync(Savepoint, ct);
        await batch.ReleaseSavepointAsync(Savepoint, ct);
        db.ChangeTracker.Clear();
    }

    async Task<CommandOutcome> RunAsync(InboundCommand inbound, long receivedId, CancellationToken ct)
    {
        var speaker = await members.EnsureSpeakerAsync(inbound, ct);
        var ctx = await ContextForAsync(speaker, inbound, ct);
        return await RunAsync(inbound.Text, ctx, receivedId, ct);
    }

    CommandOutcome Failed(Exception ex, ReceivedCommand row)
    {
        if (ex is CommandRejectedException rejected) return CommandOutcome.Refused(rejected.Message, rejected.Usage, row.Id);
        log.LogError(ex, "Command {DeliveryId} failed", row.DeliveryId);
        return CommandOutcome.Failed(row.Id);
    }

    /// <summary>After the rollback (<see cref="UndoAsync"/>): answers the inbox row with the problem.</summary>
    async Task<CommandOutcome> StoreFailureAsync(ReceivedCommand row, CommandOutcome outcome, CancellationToken ct)
    {
        MarkHandled(row, outcome);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    async Task<CommandOutcome> RunAsync(string text, CommandContext ctx, long receivedId, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(text, new ParseContext(ctx.Today));
        if (parsed.Command is not { } command) return CommandOutcome.Refused(parsed.Error!, parsed.Usage, receivedId);
        var required = RolePolicy.Required(command);
        if (ctx.Speaker.Role < required)
            throw new CommandRejectedException(
                $"Only {RolePolicy.Describe(required)} can do that; you are {Replies.RoleName(ctx.Speaker.Role)}. Ask the CCO if you need a different role.");
        return CommandOutcome.Done(await handlers.RunAsync(command, ctx, ct), receivedId);
    }

    async Task<CommandContext> ContextForAsync(Member speaker, InboundCommand inbound, CancellationToken ct)
    {
        var zone = Clock.FindZone(speaker.TimeZone) ?? await TeamZone.FindAsync(db, settings, ct);
        return new CommandContext(speaker, inbound.Platform, inbound.ConversationId, clock.Today(zone), zone, clock.UtcNow(), inbound.Via, inbound.Shared);
    }

    /// <summary>Answers the inbox row in this unit of work, without reading it again (it may have been detached meanwhile).</summary>
    void MarkHandled(ReceivedCommand row, CommandOutcome outcome)
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Detached) entry.State = EntityState.Unchanged;
        row.HandledAt = clock.UtcNow();
        row.ReplyJson = MessageJson.Serialize(outcome.Reply);
        row.Refusal = outcome.Refusal is { Length: > MaxRefusal } text ? text[..MaxRefusal] : outcome.Refusal;
        entry.Property(r => r.HandledAt).IsModified = true;
        entry.Property(r => r.ReplyJson).IsModified = true;
        entry.Property(r => r.Refusal).IsModified = true;
    }

    const int MaxRefusal = 2000;
}
