using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>What the frontline resolved without waiting for approval, by journey stage and week, its cost and whom to thank.</summary>
public sealed class FrontlineModel(FrontlineQuery query, BotSettings settings) : PageModel
{
    public FrontlineView View { get; private set; } = null!;
    public string Money => settings.CurrencySymbol;

    public async Task OnGetAsync(CancellationToken ct) => View = await query.RunAsync(ct);
}
