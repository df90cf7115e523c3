using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The dashboard's session cookie: HttpOnly, SameSite=Strict, `__Host-` prefixed and Secure when served over HTTPS.
/// A request without a session is sent to the page that says how to sign in (through chat), but only for the dashboard's
/// own pages: the API and the platforms' endpoints never name this scheme, and a challenge anywhere else answers 401.
/// </summary>
public static class DashboardAuthentication
{
    public const string Scheme = "Dashboard";
    public const string CookieName = "abot-dashboard";
    public const string SignInPath = "/dashboard/sign-in";

    public static void AddDashboardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CookieManager = new HostPrefixedCookieManager();
            // The database decides (DashboardSessions): idle and absolute lifetimes, sign-out, the member's current role.
            options.SlidingExpiration = false;
            options.ExpireTimeSpan = DashboardSessions.Lifetime;
            options.Events.OnValidatePrincipal = context =>
                context.HttpContext.RequestServices.GetRequiredService<DashboardSessions>().ValidateAsync(context);
            options.LoginPath = SignInPath;
            options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
    }

    static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var page = SecurityHeaders.Covers(request.Path) && HttpMethods.IsGet(request.Method);
        if (page && status == StatusCodes.Status401Unauthorized)
            context.Response.Redirect(SignInPath);
        else
            context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
