using System.Security.Claims;
using AccountabilityBot.Core.Domain;
using Microsoft.AspNetCore.Authorization;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// Who may open a dashboard page: <see cref="Member"/> any signed-in member, <see cref="Cco"/> only the CCO. Pages name
/// the policy (<c>[Authorize(Policy = DashboardPolicies.Cco)]</c>); every page under /dashboard asks for Member at least.
/// </summary>
public static class DashboardPolicies
{
    public const string Member = "Member";
    public const string Cco = "Cco";

    /// <summary>The claim types a signed-in member's identity carries.</summary>
    public const string MemberIdClaim = "abot:member";
    public const string PlatformClaim = "abot:platform";
    public const string PlatformUserIdClaim = "abot:user";
    public const string SessionClaim = "abot:session";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Member, policy => policy.RequireAuthenticatedUser().RequireClaim(MemberIdClaim));
        options.AddPolicy(Cco, policy => policy.RequireAuthenticatedUser().RequireClaim(MemberIdClaim).RequireRole(nameof(Role.Cco)));
    }

    public static bool IsCco(this ClaimsPrincipal user) => user.IsInRole(nameof(Role.Cco));
}
