using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Forms;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>
/// Each leader's follow-through this quarter, as <c>scoreboard</c> shows it to the signed-in member: everyone's for the
/// CCO, and for executives once the CCO shares it; otherwise the member's own. The CCO shares it from here too.
/// </summary>
public sealed class FollowThroughModel(ScoreboardQuery query, DashboardCommands commands) : CommandPageModel(commands)
{
    public Scoreboard Board { get; private set; } = null!;

    public bool MayShare => May(new ScoreboardShareCommand(true));

    public async Task OnGetAsync(CancellationToken ct) => Board = await query.SeenByAsync(MemberId, Role, ct);

    /// <summary>The button says on or off, as typed after <c>scoreboard share</c>.</summary>
    public Task<IActionResult> OnPostShareAsync() => RunAndShowAsync(new CommandLine("scoreboard share").Word(Clean(Field("share"))));
}
