using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// Every /api/v1 endpoint needs an active API key in the X-Api-Key header (or "Authorization: Bearer KEY"). The row is
/// found by the key's public part; its secret is compared in constant time against the stored hash.
/// </summary>
public sealed class ApiKeyAuthentication(AppDbContext db)
{
    public const string Header = "X-Api-Key";
    const string ItemKey = "api-key-name";

    public static string? PresentedKey(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault()
        ?? (request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim() : null);

    /// <summary>The public part of the presented key, to give each key its own rate limit; null when there is none.</summary>
    public static string? LookupId(HttpRequest request) =>
        ApiKeySecrets.TrySplit(PresentedKey(request), out var lookup, out _) ? lookup : null;

    public static string KeyName(HttpContext context) => context.Items[ItemKey] as string ?? "?";

    public async Task<bool> AuthenticateAsync(HttpContext context)
    {
        if (!ApiKeySecrets.TrySplit(PresentedKey(context.Request), out var lookup, out var secret)) return false;
        var key = await db.Set<ApiKey>().AsNoTracking()
            .SingleOrDefaultAsync(k => k.LookupId == lookup && k.RevokedAt == null, context.RequestAborted);
        if (key is null || !ApiKeySecrets.Matches(secret, key.SecretHash)) return false;
        context.Items[ItemKey] = key.Name;
        return true;
    }

    /// <summary>The endpoint filter: 401 with a problem description before the endpoint reads anything.</summary>
    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await http.RequestServices.GetRequiredService<ApiKeyAuthentication>().AuthenticateAsync(http)) return await next(context);
        http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return ApiProblems.Unauthorized("Send an active API key in the X-Api-Key header; the CCO creates one with `apikey create NAME`.");
    }
}
