using AccountabilityBot.Core.Touchpoints;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>The reliability watch: every touchpoint's latest value, trend and who owns the fix, worst first.</summary>
public sealed class ReliabilityModel(TouchpointWatch watch) : PageModel
{
    public IReadOnlyList<TouchpointView> Touchpoints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Touchpoints = [.. (await watch.ViewsAsync(ct)).OrderBy(t => t.Urgency).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
}
