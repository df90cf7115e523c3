using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// The Hangfire dashboard at /hangfire shows job arguments and can trigger or delete jobs: it is for the CCO, signed in
/// through the chat like every dashboard page (<see cref="CcoOnly"/>), whoever else asks and from wherever. Its buttons
/// post with the antiforgery token Hangfire checks when antiforgery is registered (the dashboard registers it).
/// Jobs:DashboardUrl, an address of its own from before it had a sign-in, still listens, behind the same sign-in.
/// </summary>
public static class JobsDashboard
{
    const string Path = "/hangfire";

    public static void AddJobsDashboard(this WebApplicationBuilder builder)
    {
        var setting = JobSettings.SectionName + ":" + nameof(JobSettings.DashboardUrl);
        PrivateAddress.Listen(builder, setting, builder.Services.AddOptions<JobSettings>());
        builder.Services.AddAntiforgery();
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var options = new DashboardOptions { Authorization = [new CcoOnly()], DashboardTitle = "AccountabilityBot jobs", AppPath = "/dashboard" };
        // Someone not signed in is sent to the page that says how to sign in, as on any dashboard page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path) && http.User.Identity?.IsAuthenticated != true,
            anonymous => anonymous.Run(http => http.ChallengeAsync()));
        app.UseHangfireDashboard(Path, options);
        return app;
    }

    /// <summary>A signed-in member whose current role (read from the database on this request) is CCO.</summary>
    sealed class CcoOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User is { } user
            && user.HasClaim(c => c.Type == DashboardPolicies.MemberIdClaim) && user.IsCco();
    }
}
