using AccountabilityBot.Core.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>What leadership decided, newest first, with what prompted each decision and what followed it.</summary>
public sealed class DecisionsModel(DecisionsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int Number { get; set; } = 1;

    public Paged<DecisionRow> Decisions { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Decisions = await query.RunAsync(Number, ct);
}
