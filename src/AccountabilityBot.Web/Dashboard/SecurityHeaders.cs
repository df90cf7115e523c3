namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The headers a browser needs to protect the dashboard's pages (and the job dashboard's): no inline script or style and
/// nothing from elsewhere (CSP), never inside another site's frame, no type sniffing, no URL sent on to other sites,
/// and HTTPS only once it was used. Pages that show a member's data are not kept in caches.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static bool Covers(PathString path) => path.StartsWithSegments("/dashboard") || path.StartsWithSegments("/hangfire");

    public static IApplicationBuilder UseDashboardSecurityHeaders(this IApplicationBuilder app) =>
        app.UseWhen(http => Covers(http.Request.Path), covered => covered.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            if (http.Request.Path != DashboardExtensions.StylesheetPath) headers.CacheControl = "no-store";
            return next(http);
        }));
}
