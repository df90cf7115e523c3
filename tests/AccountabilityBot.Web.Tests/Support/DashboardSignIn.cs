using System.Security.Claims;
using AccountabilityBot.Web.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// A browser-less client signed in as a member: it carries the session cookie the dashboard's own cookie scheme issues,
/// sealed with the host's own data-protection keys and carrying the claims a sign-in gives (member id, platform, user id,
/// name, role). No middleware is bypassed: the host reads and checks the cookie as it would a browser's.
/// </summary>
public static class DashboardSignIn
{
    public static async Task<HttpClient> ClientAsync(BotApplication app, string platformUserId)
    {
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.PlatformUserId == platformUserId));
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, member.DisplayName),
            new Claim(ClaimTypes.Role, member.Role.ToString()),
            new Claim(DashboardPolicies.MemberIdClaim, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(DashboardPolicies.PlatformClaim, member.Platform.ToString()),
            new Claim(DashboardPolicies.PlatformUserIdClaim, member.PlatformUserId),
        ], DashboardAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        var now = app.Clock.GetUtcNow();
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) }, DashboardAuthentication.Scheme);
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(DashboardAuthentication.Scheme).TicketDataFormat.Protect(ticket);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{DashboardAuthentication.CookieName}={cookie}");
        return client;
    }
}
