using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

/// <summary>
/// <c>channel leadership</c> / <c>channel frontline</c> binds this conversation; <c>channel</c> lists; <c>channel remove</c>
/// unbinds this one, <c>channel remove C0123</c> the one named (from anywhere: a channel archived or left, the dashboard).
/// </summary>
public sealed record ChannelCommand(ChannelPurpose? Purpose, bool Remove, string? Conversation = null) : ChatCommand;

internal static class ChannelVerb
{
    public static Verb Verb { get; } = new("channel", "channel\nchannel leadership|frontline\nchannel remove [conversation]", "channel leadership",
        "List channel bindings, bind this conversation, or unbind it (or the one named).",
        Parse, [CommandRoute.For<ChannelCommand, ChannelHandler>(c => c is { Purpose: null, Remove: false } ? Role.Frontline : Role.Cco)]);

    static readonly string[] Purposes = ["leadership", "frontline", "remove"];

    static ChannelCommand Parse(CommandInput input)
    {
        if (input.Words.Count == 0) return new ChannelCommand(null, false);
        var word = input.Words[0];
        input.ExpectNothingAfter(word.Lower == "remove" ? 2 : 1, $"channel {word.Lower}");
        return word.Lower switch
        {
            "leadership" => new ChannelCommand(ChannelPurpose.Leadership, false),
            "frontline" => new ChannelCommand(ChannelPurpose.Frontline, false),
            "remove" => new ChannelCommand(null, true, input.Words.Count > 1 ? input.Words[1].Text : null),
            _ => throw new ParseFailure($"I don't know 'channel {DidYouMean.Echo(word.Text)}'; use leadership, frontline or remove."
                + DidYouMean.Hint(word.Text, Purposes, "", allowPrefix: true)),
        };
    }
}

/// <summary>Binds the conversation the command was typed in to a purpose (leadership, frontline).</summary>
public sealed class ChannelHandler(AppDbContext db, IChatSender sender) : ICommandHandler<ChannelCommand>
{
    public async Task<ChatMessage> HandleAsync(ChannelCommand command, CommandContext ctx, CancellationToken ct)
    {
        var here = db.ChannelBindings.Where(b => b.Platform == ctx.Platform && b.ConversationId == ctx.ConversationId);
        if (command.Remove)
        {
            var named = command.Conversation;
            var removed = await (named is null ? here : db.ChannelBindings.Where(b => b.ConversationId == named)).ToListAsync(ct);
            if (removed.Count == 0)
                return ChatMessage.Text(named is null ? "This conversation isn't bound to anything; nothing changed."
                    : $"No bound channel is {named}; nothing changed. `channel` lists them.");
            db.ChannelBindings.RemoveRange(removed);
            var conversation = named ?? ctx.ConversationId;
            db.Audit(ctx, "channel.unbound", conversation, string.Join(",", removed.Select(r => r.Purpose)));
            await db.SaveChangesAsync(ct);
            var purposes = string.Join(", ", removed.Select(r => r.Purpose.ToString().ToLowerInvariant()));
            return ChatMessage.Text(named is null ? $"✅ I will no longer post scheduled messages here ({conversation})."
                : $"✅ I will no longer post scheduled messages to {conversation} ({purposes}).");
        }
        if (command.Purpose is not { } purpose)
        {
            var all = await db.ChannelBindings.OrderBy(b => b.Purpose).ThenBy(b => b.Id).ToListAsync(ct);
            if (all.Count == 0) return ChatMessage.Text("No channels are bound yet. In the leadership channel, the CCO says `channel leadership`.");
            return new ChatMessage([
                new HeaderBlock("Where I post"),
                new ListBlock(all.Select(b => (RichText)$"{b.Purpose.ToString().ToLowerInvariant()}: {b.ConversationId} ({b.Platform})").ToList()),
            ]);
        }
        var name = purpose.ToString().ToLowerInvariant();
        if (await here.AnyAsync(b => b.Purpose == purpose, ct))
            return ChatMessage.Text($"This conversation is already the {name} channel; nothing changed.");
        if (await sender.WhyCannotPostAsync(new ChatAddress(ctx.Platform, ctx.ConversationId), ct) is { } problem)
            throw new CommandRejectedException(problem);
        db.ChannelBindings.Add(new ChannelBinding
        {
            Platform = ctx.Platform,
            ConversationId = ctx.ConversationId,
            Purpose = purpose,
            BoundById = ctx.Speaker.Id,
            BoundAt = ctx.UtcNow,
        });
        db.Audit(ctx, "channel.bound", ctx.ConversationId, name);
        await db.SaveChangesAsync(ct);
        return Replies.Recorded("This conversation is now the", name + " channel", purpose == ChannelPurpose.Leadership
            ? "the weekly review and escalations will be posted here."
            : "the frontline tally and thank-yous will be posted here.");
    }
}
