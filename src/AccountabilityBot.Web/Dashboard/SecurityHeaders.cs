namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The headers a browser needs to protect the dashboard's pages (and the job dashboard's): no inline script or style and
/// nothing from elsewhere (CSP), never inside another site's frame, no type sniffing, no URL sent on to other sites,
/// and HTTPS only once it was used. Pages that show a member's data are not kept in caches.
/// </summary>
public static class SecurityHeaders
{
    const string Scripts = "default-src 'self'; script-src 'self'; ";
    const string Rest = "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ContentSecurityPolicy = Scripts + "style-src 'self'; " + Rest;

    /// <summary>
    /// The hash of the one style element Hangfire's pages make: its bundled Chart.js (Hangfire 1.8.25) injects its own
    /// CSS when it draws the overview's graphs. That CSS is in Hangfire's stylesheet already, so the element changes
    /// nothing, but refused it is a CSP error on every overview.
    /// </summary>
    public const string ChartJsStyleHash = "'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";

    /// <summary>
    /// The hash of nothing: Hangfire's job page writes style="" on each state of a job's history (a colour only a custom
    /// state registers), a CSP error for each. 'unsafe-hashes' lets this hash (and Chart.js's) match attributes: an
    /// empty style attribute is allowed, any other is still refused.
    /// </summary>
    public const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /// <summary>
    /// The job dashboard's (/hangfire) policy, never the dashboard's own pages': the dashboard's, plus the two pieces of
    /// inline style Hangfire makes, by their hashes; never 'unsafe-inline'. A Hangfire that makes others shows them as
    /// errors in JobsDashboardBrowserTests.
    /// </summary>
    public const string JobsContentSecurityPolicy = Scripts + "style-src 'self' 'unsafe-hashes' " + ChartJsStyleHash + " " + EmptyStyleHash + "; " + Rest;

    public const string NotCached = "no-cache, no-store";

    public static bool Covers(PathString path) => path.StartsWithSegments("/dashboard") || IsJobs(path);

    static bool IsJobs(PathString path) => path.StartsWithSegments("/hangfire");

    public static IApplicationBuilder UseDashboardSecurityHeaders(this IApplicationBuilder app) =>
        app.UseWhen(http => Covers(http.Request.Path), covered => covered.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = IsJobs(http.Request.Path) ? JobsContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            // In antiforgery's own words: a page with a form token (every signed-in page's sign-out) is made "no-cache,
            // no-store", and a different value set before would be overridden with a warning in the log on every page.
            if (http.Request.Path != DashboardExtensions.StylesheetPath) headers.CacheControl = NotCached;
            return next(http);
        }));
}
