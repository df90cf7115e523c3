using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Prompts;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Commands;

// help, decide, commit, update, done, mine, review, answer.
public static partial class CommandParser
{
    static readonly Dictionary<string, CommitmentStatus> Statuses = new()
    {
        ["on-track"] = CommitmentStatus.OnTrack, ["ontrack"] = CommitmentStatus.OnTrack, ["on_track"] = CommitmentStatus.OnTrack,
        ["at-risk"] = CommitmentStatus.AtRisk, ["atrisk"] = CommitmentStatus.AtRisk, ["at_risk"] = CommitmentStatus.AtRisk,
        ["blocked"] = CommitmentStatus.Blocked, ["done"] = CommitmentStatus.Done, ["dropped"] = CommitmentStatus.Dropped,
    };

    const string StatusList = "on-track, at-risk, blocked, done or dropped";

    // Only the first word counts, so "help stop propose" shows the stop help.
    static ChatCommand Help(CommandInput input)
    {
        if (input.Words.Count == 0) return new HelpCommand(null);
        var word = input.Words[0].Text;
        if (CommandCatalog.Find(word) is { } help) return new HelpCommand(help.Verb);
        throw new ParseFailure($"I don't know the command '{DidYouMean.Echo(word)}'."
            + DidYouMean.Hint(word, VerbNames, "Send `help` to see them all.", allowPrefix: true));
    }

    static ChatCommand Decide(CommandInput input)
    {
        var args = input.Read("owner", "due", "re");
        var text = args.FreeText("decision", Limits.Title)
            ?? throw new ParseFailure("What did you decide? Write it right after `decide`.");
        return new DecideCommand(text, args.Member("owner"), args.FutureDate("due", "due date"), args.Reference("re"));
    }

    static ChatCommand Commit(CommandInput input)
    {
        var args = input.Read("owner", "due", "stage", "re");
        var title = args.FreeText("title", Limits.Title)
            ?? throw new ParseFailure("What are you committing to? Write it right after `commit`.");
        var due = args.FutureDate("due", "due date")
            ?? throw new ParseFailure("When is it due? Add due:friday or due:2026-12-15");
        return new CommitCommand(title, args.Member("owner"), due, args.Text("stage", Limits.Title), args.Reference("re"));
    }

    static ChatCommand Update(CommandInput input)
    {
        var args = input.Read("due");
        var rest = args.Rest;
        var id = RefWords.Expect(rest.ElementAtOrDefault(0), Refs.Commitment, "update");
        if (rest.ElementAtOrDefault(1) is not { Quoted: false } word)
            throw new ParseFailure($"What's the status of C-{id}? Use {StatusList}.");
        if (!Statuses.TryGetValue(word.Lower, out var status))
            throw new ParseFailure($"'{DidYouMean.Echo(word.Text)}' isn't a status; use {StatusList}."
                + DidYouMean.Hint(word.Text, Statuses.Keys, ""));
        var note = Words.Join(rest.Skip(2), "note", Limits.Note);
        return new UpdateCommitmentCommand(id, status, note, args.FutureDate("due", "due date"));
    }

    static ChatCommand Done(CommandInput input)
    {
        var id = RefWords.Expect(input.Words.ElementAtOrDefault(0), Refs.Commitment, "done");
        return new UpdateCommitmentCommand(id, CommitmentStatus.Done, Words.Join(input.Words.Skip(1), "note", Limits.Note), null);
    }

    static ChatCommand Mine(CommandInput input)
    {
        input.ExpectNothingAfter(0, "mine");
        return new MineCommand();
    }

    static ChatCommand Review(CommandInput input)
    {
        input.ExpectNothingAfter(0, "review");
        return new ReviewCommand();
    }

    // "answer C-7 slipped because..." is an answer that mentions C-7, so only a P- reference is an id.
    static ChatCommand Answer(CommandInput input)
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
