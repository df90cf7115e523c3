using AccountabilityBot.Core.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>The stop list: due for review, proposed, agreed, and the latest closed.</summary>
public sealed class StopListModel(StopListQuery query) : PageModel
{
    public StopListView List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => List = await query.RunAsync(ct);
}
