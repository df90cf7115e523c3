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

/// <summary>What a command came to: the reply, and whether it is this delivery's first (Fresh) answer.</summary>
/// <param name="Fresh">False for a retry or duplicate answered from the inbox, or one another copy is still running.</param>
public sealed record CommandOutcome(ChatMessage Reply, bool Fresh);

/// <summary>
/// The one way in for every platform: store what arrived, parse it, check the role, run the use case in one
/// transaction, and answer with a neutral message. A retried delivery gets the first answer again.
/// </summary>
public sealed class CommandDispatcher(
    AppDbContext db, Inbox inbox, MemberDirectory members, CommandHandlers handlers,
    TimeProvider clock, BotSettings settings, ILogger<CommandDispatcher> log, ResolvedFastPath? fastPath = null)
{
    public async Task<ChatMessage> HandleAsync(InboundCommand inbound, CancellationToken ct) => (await DispatchAsync(inbound, ct)).Reply;

    /// <summary>
    /// Runs the command in its own transactions (the inbox row is committed first), or, when the context already has a
    /// transaction (a <see cref="CommandWriter"/> batch), inside it under a savepoint: then nothing is durable until the
    /// batch commits, and a failing command rolls back only itself.
    /// </summary>
    public async Task<CommandOutcome> DispatchAsync(InboundCommand inbound, CancellationToken ct)
    {
        // The frontline's `resolved` has a lean way through inside a batch, where a provider registered one.
        if (fastPath is not null && db.Database.CurrentTransaction is not null && fastPath.TryRun(inbound) is { } fast)
            return new CommandOutcome(fast, Fresh: true);
        var receipt = await inbox.ReceiveAsync(inbound, ct);
        if (receipt.EarlierReply is { } earlier) return new CommandOutcome(earlier, Fresh: false);
        if (receipt.InProgress) return new CommandOutcome(Replies.StillWorking, Fresh: false);
        var reply = db.Database.CurrentTransaction is { } batch
            ? await RunInBatchAsync(batch, inbound, receipt.Row, ct)
            : await RunAloneAsync(inbound, receipt.Row, ct);
        return new CommandOutcome(reply, Fresh: true);
    }

    async Task<ChatMessage> RunAloneAsync(InboundCommand inbound, ReceivedCommand row, CancellationToken ct)
    {
        ChatMessage reply;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                reply = await RunAsync(inbound, ct);
                MarkHandled(row, reply);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return reply;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                reply = Failed(ex, row);
            }
            // Nothing the command wrote survives; the inbox row was committed before the transaction began.
            await tx.RollbackAsync(ct);
        }
        return await StoreFailureAsync(row, reply, ct);
    }

    const string Savepoint = "command";

    async Task<ChatMessage> RunInBatchAsync(IDbContextTransaction batch, InboundCommand inbound, ReceivedCommand row, CancellationToken ct)
    {
        // The inbox row is already written in the batch, before the savepoint: it stays whatever the command does.
        await batch.CreateSavepointAsync(Savepoint, ct);
        ChatMessage reply;
        try
        {
            reply = await RunAsync(inbound, ct);
            MarkHandled(row, reply);
            await db.SaveChangesAsync(ct);
            await batch.ReleaseSavepointAsync(Savepoint, ct);
            return reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reply = Failed(ex, row);
        }
        await batch.RollbackToSavepointAsync(Savepoint, ct);
        await batch.ReleaseSavepointAsync(Savepoint, ct);
        return await StoreFailureAsync(row, reply, ct);
    }

    async Task<ChatMessage> RunAsync(InboundCommand inbound, CancellationToken ct)
    {
        var speaker = await members.EnsureSpeakerAsync(inbound, ct);
        var ctx = await ContextForAsync(speaker, inbound, ct);
        return await RunAsync(inbound.Text, ctx, ct);
    }

    ChatMessage Failed(Exception ex, ReceivedCommand row)
    {
        if (ex is CommandRejectedException rejected) return Replies.Problem(rejected.Message, rejected.Usage);
        log.LogError(ex, "Command {DeliveryId} failed", row.DeliveryId);
        return Replies.NothingRecorded;
    }

    /// <summary>After a rollback: forget what the command changed in memory, then answer the inbox row with the problem.</summary>
    async Task<ChatMessage> StoreFailureAsync(ReceivedCommand row, ChatMessage reply, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        MarkHandled(row, reply);
        await db.SaveChangesAsync(ct);
        return reply;
    }

    async Task<ChatMessage> RunAsync(string text, CommandContext ctx, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(text, new ParseContext(ctx.Today));
        if (parsed.Command is not { } command) return Replies.Problem(parsed.Error!, parsed.Usage);
        var required = RolePolicy.Required(command);
        if (ctx.Speaker.Role < required)
            throw new CommandRejectedException(
                $"Only {RolePolicy.Describe(required)} can do that; you are {Replies.RoleName(ctx.Speaker.Role)}. Ask the CCO if you need a different role.");
        return await handlers.RunAsync(command, ctx, ct);
    }

    async Task<CommandContext> ContextForAsync(Member speaker, InboundCommand inbound, CancellationToken ct)
    {
        var zone = Clock.FindZone(speaker.TimeZone) ?? await TeamZone.FindAsync(db, settings, ct);
        return new CommandContext(speaker, inbound.Platform, inbound.ConversationId, clock.Today(zone), zone, clock.UtcNow());
    }

    /// <summary>Answers the inbox row in this unit of work, without reading it again (it may have been detached meanwhile).</summary>
    void MarkHandled(ReceivedCommand row, ChatMessage reply)
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Detached) entry.State = EntityState.Unchanged;
        row.HandledAt = clock.UtcNow();
        row.ReplyJson = MessageJson.Serialize(reply);
        entry.Property(r => r.HandledAt).IsModified = true;
        entry.Property(r => r.ReplyJson).IsModified = true;
    }
}
