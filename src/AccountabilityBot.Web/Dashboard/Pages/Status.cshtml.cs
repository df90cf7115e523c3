using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>
/// What a refused (403) or missing (404) page under /dashboard or /hangfire shows instead of a bare status: re-executed
/// here by <see cref="DashboardExtensions.MapDashboard"/>, keeping the original status code, inside the dashboard's layout.
/// A refused form post lands here too (its token was not the point: the role was).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        StatusCodes.Status403Forbidden => "Not for your role",
        StatusCodes.Status404NotFound => "No such page",
        _ => "Something went wrong",
    };

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    IActionResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        return Page();
    }
}
