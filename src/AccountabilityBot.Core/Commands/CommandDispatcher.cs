using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// The one way in for every platform: store what arrived, parse it, check the role, run the use case in one
/// transaction, and answer with a neutral message. A retried delivery gets the first answer again.
/// </summary>
public sealed class CommandDispatcher(
    AppDbContext db, Inbox inbox, MemberDirectory members, CommandHandlers handlers,
    TimeProvider clock, BotSettings settings, ILogger<CommandDispatcher> log)
{
    public async Task<ChatMessage> HandleAsync(InboundCommand inbound, CancellationToken ct)
    {
        var receipt = await inbox.ReceiveAsync(inbound, ct);
        if (receipt.EarlierReply is { } earlier) return earlier;
        if (receipt.InProgress) return Replies.StillWorking;

        ChatMessage reply;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                var speaker = await members.EnsureSpeakerAsync(inbound, ct);
                var ctx = await ContextForAsync(speaker, inbound, ct);
                reply = await RunAsync(inbound.Text, ctx, ct);
                await MarkHandledAsync(receipt.Row.Id, reply, ct);
                await tx.CommitAsync(ct);
                return reply;
            }
            catch (CommandRejectedException rejected)
            {
                reply = Replies.Problem(rejected.Message, rejected.Usage);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Command {DeliveryId} failed", receipt.Row.DeliveryId);
                reply = Replies.Problem("Sorry, something went wrong on my side and nothing was recorded. Please try again.");
            }
            // Nothing the command wrote survives; the inbox row was committed before the transaction began.
            await tx.RollbackAsync(ct);
        }
        db.ChangeTracker.Clear();
        await MarkHandledAsync(receipt.Row.Id, reply, ct);
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

    async Task MarkHandledAsync(long receivedId, ChatMessage reply, CancellationToken ct)
    {
        var row = await db.ReceivedCommands.SingleAsync(r => r.Id == receivedId, ct);
        row.HandledAt = clock.UtcNow();
        row.ReplyJson = MessageJson.Serialize(reply);
        await db.SaveChangesAsync(ct);
    }
}
