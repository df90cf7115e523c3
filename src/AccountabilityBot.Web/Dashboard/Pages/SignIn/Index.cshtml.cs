using AccountabilityBot.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages.SignIn;

/// <summary>
/// /dashboard/sign-in: without a link, how to get one; with a link (?token=), "Sign in as NAME" and a button that uses
/// it. The token is read from the query or the form by hand, never bound as a handler argument, which MVC would log.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(DashboardSignIns links, DashboardSessions sessions) : PageModel
{
    public LinkState? State { get; private set; }
    public Member? Member { get; private set; }
    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Request.Query["token"].FirstOrDefault() is not { Length: > 0 } token) return Page();
        var check = await links.OpenAsync(HttpContext, token, ct);
        return Show(check, token);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Request.Form["token"].FirstOrDefault() is not { Length: > 0 } token) return Show(new LinkCheck(LinkState.Unknown), null);
        var check = await links.UseAsync(HttpContext, token, ct);
        if (check is not { State: LinkState.Ready, Member: { } member }) return Show(check, null);
        var user = await sessions.StartAsync(member, ct);
        await HttpContext.SignInAsync(DashboardAuthentication.Scheme, user, new AuthenticationProperties { IsPersistent = false });
        Response.Cookies.Delete(HostPrefixedCookieManager.Name(HttpContext, DashboardSignIns.BrowserCookie));
        return LocalRedirect("/dashboard");
    }

    IActionResult Show(LinkCheck check, string? token)
    {
        State = check.State;
        Member = check.Member;
        Token = check.State == LinkState.Ready ? token : null;
        Response.StatusCode = check.State switch
        {
            LinkState.Ready => StatusCodes.Status200OK,
            LinkState.Unknown => StatusCodes.Status404NotFound,
            LinkState.OtherBrowser => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status410Gone,
        };
        return Page();
    }
}
