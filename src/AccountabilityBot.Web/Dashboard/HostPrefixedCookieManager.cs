using Microsoft.AspNetCore.Authentication.Cookies;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// Names a cookie `__Host-NAME` and marks it Secure when the request came over HTTPS, where the prefix makes the browser
/// refuse it from any other host or path or without Secure. A plain HTTP request (the local demo) cannot carry a
/// Secure cookie, so there it keeps its plain name; the two never mix, as a browser sends each only where it was set.
/// </summary>
public sealed class HostPrefixedCookieManager : ICookieManager
{
    const string Prefix = "__Host-";

    readonly ChunkingCookieManager inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, Name(context, key), value, Secured(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, Name(context, key), Secured(context, options));

    public static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    static CookieOptions Secured(HttpContext context, CookieOptions options)
    {
        if (!context.Request.IsHttps) return options;
        return new CookieOptions(options) { Secure = true, Path = "/", Domain = null };
    }
}
