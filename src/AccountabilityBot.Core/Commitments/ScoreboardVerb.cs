using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>scoreboard</c>: each leader's follow-through this quarter so far (everyone's only where the CCO allows).</summary>
public sealed record ScoreboardCommand : ChatCommand;

/// <summary><c>scoreboard share on|off</c>: everyone's follow-through for every executive and in the weekly review, or not.</summary>
public sealed record ScoreboardShareCommand(bool Share) : ChatCommand;

internal static class ScoreboardVerb
{
    const string Usage = "`scoreboard`, or for the CCO `scoreboard share on` / `scoreboard share off`";

    public static Verb Verb { get; } = new("scoreboard", "scoreboard\nscoreboard share on|off", "scoreboard",
        "Follow-through this quarter: commitments kept on time or late (by the date first promised), overdue, dropped; decisions; prompts answered.",
        Parse,
        [
            CommandRoute.For<ScoreboardCommand, ScoreboardHandler>(Role.Frontline),
            CommandRoute.For<ScoreboardShareCommand, ScoreboardHandler>(Role.Cco),
        ]);

    static ChatCommand Parse(CommandInput input)
    {
        var words = input.Words;
        if (words.Count == 0) return new ScoreboardCommand();
        if (words[0].Lower != "share")
            throw new ParseFailure($"I didn't expect '{DidYouMean.Echo(words[0].Text)}'; use {Usage}."
                + DidYouMean.Hint(words[0].Text, ["share"], ""));
        var choice = words.ElementAtOrDefault(1)?.Lower switch { "on" => true, "off" => false, _ => (bool?)null }
            ?? throw new ParseFailure("Share on or off? Say `scoreboard share on` or `scoreboard share off`.");
        input.ExpectNothingAfter(2, $"scoreboard share {words[1].Lower}");
        return new ScoreboardShareCommand(choice);
    }
}

/// <summary>
/// Each leader's follow-through, everyone's or the speaker's own as <see cref="ScoreboardQuery.SeesEveryone"/> says;
/// sharing it with the leadership team is the CCO's switch.
/// </summary>
public sealed class ScoreboardHandler(AppDbContext db, ScoreboardQuery query)
    : ICommandHandler<ScoreboardCommand>, ICommandHandler<ScoreboardShareCommand>
{
    public async Task<ChatMessage> HandleAsync(ScoreboardCommand command, CommandContext ctx, CancellationToken ct)
    {
        var (report, shared, everyone) = await query.SeenByAsync(ctx.Speaker.Id, ctx.Speaker.Role, ct);
        return new ChatMessage([
            new HeaderBlock(FollowThroughLines.Title(report, yours: !everyone)),
            new ListBlock(report.Leaders.Count == 0
                ? ["No executives yet: the CCO names them with `role @name executive`."] : FollowThroughLines.Lines(report)),
            FollowThroughLines.Legend(report),
            new ContextBlock(FollowThroughLines.WhoSees(everyone, shared)),
        ]);
    }

    public async Task<ChatMessage> HandleAsync(ScoreboardShareCommand command, CommandContext ctx, CancellationToken ct)
    {
        if (!await TeamSettings.SwitchAsync(db, ctx, TeamSettings.ScoreboardShared, command.Share, ct))
            return ChatMessage.Text($"Follow-through is already {(command.Share ? "shared" : "yours alone to see")}; nothing changed.");
        return ChatMessage.Text(command.Share
            ? "Shared: every executive now sees everyone's follow-through with `scoreboard`, and the weekly review carries it. "
                + "`scoreboard share off` takes it back."
            : "No longer shared: the weekly review leaves follow-through out, and each executive sees only their own; " + FollowThroughLines.Own);
    }
}
