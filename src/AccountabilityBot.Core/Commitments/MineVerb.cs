using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>mine</c>: the speaker's open commitments, decisions they own and stop items they own.</summary>
public sealed record MineCommand : ChatCommand;

internal static class MineVerb
{
    public static Verb Verb { get; } = new("mine", "mine", "mine",
        "Show your open commitments, the decisions and stop items you own, and your follow-through this quarter.",
        Parse, [CommandRoute.For<MineCommand, MineHandler>(Role.Frontline)]);

    static MineCommand Parse(CommandInput input)
    {
        input.ExpectNothingAfter(0, "mine");
        return new MineCommand();
    }
}

/// <summary>
/// What the speaker owns: open commitments (overdue first), decisions and stop-list items; and for a leader, their own
/// follow-through this quarter (the line <c>scoreboard</c> shows for them).
/// </summary>
public sealed class MineHandler(AppDbContext db, ScoreboardQuery followThrough)
    : ICommandHandler<MineCommand>
{
    const int MaxListed = 15;

    public async Task<ChatMessage> HandleAsync(MineCommand command, CommandContext ctx, CancellationToken ct)
    {
        var me = ctx.Speaker.Id;
        var commitments = await db.Commitments.Include(c => c.Stage)
            .Where(c => c.OwnerId == me && c.Status != CommitmentStatus.Done && c.Status != CommitmentStatus.Dropped)
            .OrderBy(c => c.DueOn).Take(MaxListed).ToListAsync(ct);
        var decisions = await db.Decisions.Where(d => d.OwnerId == me).OrderByDescending(d => d.Id).Take(5).ToListAsync(ct);
        var stops = await db.StopItems.Where(s => s.OwnerId == me && s.Status != StopItemStatus.Reinstated).OrderBy(s => s.Id).Take(5).ToListAsync(ct);

        var blocks = new List<MessageBlock> { new HeaderBlock("What you own") };
        if (commitments.Count == 0 && decisions.Count == 0 && stops.Count == 0)
            blocks.Add(new TextBlock("Nothing open. Make a commitment with `commit TITLE due:friday`."));
        if (commitments.Count > 0)
        {
            blocks.Add(new TextBlock(RichText.Bold("Commitments")));
            blocks.Add(new ListBlock(commitments.Select(c => Line(c, ctx.Today)).ToList()));
            var first = commitments[0];
            blocks.Add(new ActionsBlock(CommitHandler.StatusButtons(Refs.Of(Refs.Commitment, first.Id))));
        }
        if (decisions.Count > 0)
        {
            blocks.Add(new TextBlock(RichText.Bold("Decisions you own")));
            blocks.Add(new ListBlock(decisions.Select(d => (RichText)$"{Refs.Of(Refs.Decision, d.Id)} {d.Text}").ToList()));
        }
        if (stops.Count > 0)
        {
            blocks.Add(new TextBlock(RichText.Bold("Stop-list items you own")));
            blocks.Add(new ListBlock(stops.Select(s => (RichText)$"{Refs.Of(Refs.Stop, s.Id)} {s.Title} ({s.Status.ToString().ToLowerInvariant()})").ToList()));
        }
        if (ctx.Speaker.Role >= Role.Executive)
        {
            var report = await followThrough.QuarterSoFarAsync(me, ct);
            blocks.Add(new TextBlock(RichText.Bold(FollowThroughLines.Title(report, yours: true))));
            blocks.Add(new TextBlock(FollowThroughLines.Summary(report.Leaders[0])));
        }
        return new ChatMessage(blocks);
    }

    static RichText Line(Commitment c, DateOnly today)
    {
        var overdue = c.DaysOverdue(today);
        var state = overdue > 0 ? $"OVERDUE by {Format.Count(overdue, "day")}" : Format.Status(c.Status);
        return RichText.Of(
            new TextSpan(Refs.Of(Refs.Commitment, c.Id), Bold: true),
            new TextSpan($" {c.Title} — due "), new DateSpan(c.DueOn),
            new TextSpan($" · {state}{(c.Stage is null ? "" : " · " + c.Stage.Name)}"));
    }
}
