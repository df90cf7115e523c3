using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>POST /dashboard/sign-out ends the session in the database, so the cookie is refused if it is ever replayed.</summary>
[AllowAnonymous]
public sealed class SignOutModel(DashboardSessions sessions) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/dashboard") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sessions.EndAsync(User, ct);
        await HttpContext.SignOutAsync(DashboardAuthentication.Scheme);
        return Page();
    }
}
