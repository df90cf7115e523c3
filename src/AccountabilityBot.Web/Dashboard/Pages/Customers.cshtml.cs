using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>The marble jar for a period, the trend, why customers left, the groups, and the lost-customer stories.</summary>
public sealed class CustomersModel(CustomersQuery query, BotSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int StoryPage { get; set; } = 1;

    public CustomersView View { get; private set; } = null!;
    public string Money => settings.CurrencySymbol;

    public async Task OnGetAsync(CancellationToken ct) => View = await query.RunAsync(Period, From, To, StoryPage, ct);
}
