using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>scoreboard</c>: each leader's follow-through this quarter so far (everyone's only where the CCO allows).</summary>
public sealed record ScoreboardCommand : ChatCommand;

internal static class ScoreboardVerb
{
    public static Verb Verb { get; } = new("scoreboard", "scoreboard", "scoreboard",
        "Follow-through this quarter: commitments kept on time or late, overdue, dropped; decisions; prompts answered.",
        Parse,
        [CommandRoute.For<ScoreboardCommand, ScoreboardHandler>(Role.Frontline)]);

    static ChatCommand Parse(CommandInput input)
    {
        input.ExpectNothingAfter(0, "scoreboard");
        return new ScoreboardCommand();
    }
}

/// <summary>
/// Whether the leadership team sees everyone's follow-through is the CCO's choice: until it is shared, the CCO sees
/// everyone's and anyone else their own; once shared, every executive sees everyone's and the weekly review carries it.
/// </summary>
public sealed class ScoreboardHandler(AppDbContext db, FollowThroughQuery query, BotSettings settings, TimeProvider clock)
    : ICommandHandler<ScoreboardCommand>
{
    const string Own = "yours is here and in `mine`.";

    public async Task<ChatMessage> HandleAsync(ScoreboardCommand command, CommandContext ctx, CancellationToken ct)
    {
        var shared = false;
        var everyone = ctx.Speaker.Role == Role.Cco || (shared && ctx.Speaker.Role == Role.Executive);
        var report = await RunAsync(db, query, settings, clock, everyone ? null : ctx.Speaker.Id, ct);
        var note = (everyone, shared) switch
        {
            (true, true) => "Shared by the CCO with the leadership team, and in the weekly review.",
            (true, false) => "Only you see everyone's; each leader sees their own with `scoreboard` or `mine`.",
            _ => "Everyone's follow-through is the CCO's to share with the leadership team; " + Own,
        };
        return new ChatMessage([
            new HeaderBlock(FollowThroughLines.Title(report, yours: !everyone)),
            new ListBlock(report.Leaders.Count == 0
                ? ["No executives yet: the CCO names them with `role @name executive`."] : FollowThroughLines.Lines(report)),
            FollowThroughLines.Legend(report),
            new ContextBlock(note),
        ]);
    }

    /// <summary>This quarter so far, in the team's zone: the quarter the review calls "Q4 2026 so far".</summary>
    public static async Task<FollowThroughReport> RunAsync(AppDbContext db, FollowThroughQuery query, BotSettings settings, TimeProvider clock,
        int? memberId, CancellationToken ct)
    {
        var (today, zone) = await TeamZone.TodayAsync(db, settings, clock, ct);
        return await query.RunAsync(DateRange.QuarterToDate(today), today, zone, memberId, ct);
    }
}
