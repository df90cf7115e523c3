using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Prompts;

/// <summary>Keeps a leader's answer to a prompt; answers appear in the next weekly review.</summary>
public sealed class AnswerHandler(AppDbContext db) : ICommandHandler<AnswerCommand>
{
    public async Task<ChatMessage> HandleAsync(AnswerCommand command, CommandContext ctx, CancellationToken ct)
    {
        var mine = db.Prompts.Where(p => p.MemberId == ctx.Speaker.Id);
        var prompt = command.PromptId is { } id
            ? await mine.SingleOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new CommandRejectedException($"{Refs.Of(Refs.Prompt, id)} isn't a question I asked you.")
            : await mine.Where(p => p.AnsweredAt == null).OrderByDescending(p => p.AskedAt).FirstOrDefaultAsync(ct)
                ?? throw new CommandRejectedException("I have no open question for you right now; I'll ask in the weekly prompt.");
        var reference = Refs.Of(Refs.Prompt, prompt.Id);
        prompt.Answer = command.Text;
        prompt.AnsweredAt = ctx.UtcNow;
        db.Audit(ctx, "prompt.answered", reference, command.Text);
        await db.SaveChangesAsync(ct);
        return Replies.Recorded("Thanks — kept your answer to", reference, prompt.Question,
            RichText.Of(new TextSpan("It will be shared in the next weekly review.")));
    }
}
