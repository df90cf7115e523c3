using AccountabilityBot.Core.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>The commitment board; its filters are the URL's query, so a filtered board can be shared as a link.</summary>
public sealed class CommitmentsModel(CommitmentBoardQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public int? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int Number { get; set; } = 1;

    public CommitmentBoard Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Board = await query.RunAsync(CommitmentFilter.Read(Owner, Stage, Status), Number, ct);
}
