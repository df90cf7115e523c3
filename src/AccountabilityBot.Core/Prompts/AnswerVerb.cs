using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Prompts;

/// <summary><c>answer P-4 "TEXT"</c>, or <c>answer "TEXT"</c> for the speaker's latest open prompt.</summary>
public sealed record AnswerCommand(int? PromptId, string Text) : ChatCommand;

internal static class AnswerVerb
{
    public static Verb Verb { get; } = new("answer", "answer [P-4] TEXT", "answer P-4 \"We lost them on slow refunds.\"",
        "Answer a question the bot asked you.",
        Parse, [CommandRoute.For<AnswerCommand, AnswerHandler>(Role.Frontline)]);

    // "answer C-7 slipped because..." is an answer that mentions C-7, so only a P- reference is an id.
    static AnswerCommand Parse(CommandInput input)
    {
        var words = input.Words;
        int? promptId = null;
        if (words.Count > 0 && words[0].IsPlain && RefWords.TryRead(words[0].Text, out var prefix, out var id) && prefix == Refs.Prompt)
        {
            promptId = id;
            words = words.Skip(1).ToArray();
        }
        var text = Words.Join(words, "answer", Limits.Note)
            ?? throw new ParseFailure("What's your answer? Write it after `answer`, like answer P-4 \"because…\"");
        return new AnswerCommand(promptId, text);
    }
}

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
