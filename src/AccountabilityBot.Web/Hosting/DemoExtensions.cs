using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Demo;

namespace AccountabilityBot.Web.Hosting;

public static class DemoExtensions
{
    public const string Flag = "--demo";

    /// <summary>`--demo` on the command line is the same as Demo:Enabled=true.</summary>
    public static string[] WithDemoFlag(string[] args) =>
        args.Contains(Flag) ? [.. args.Where(a => a != Flag), "--Demo:Enabled=true"] : args;

    /// <summary>Fills an empty database with sample data and posts a weekly review to the local leadership channel.</summary>
    public static async Task RunDemoAsync(this WebApplication app)
    {
        if (!app.Configuration.IsOn(Switches.Demo, false)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        var posted = await scope.ServiceProvider.GetRequiredService<ReviewPosts>().RunAsync(CancellationToken.None);
        var alerts = await scope.ServiceProvider.GetRequiredService<TouchpointPosts>().RunAsync(CancellationToken.None);
        var patterns = await scope.ServiceProvider.GetRequiredService<PatternPosts>().RunAsync(CancellationToken.None);
        app.Logger.LogInformation(
            "Demo: {Seeded}; weekly review posted to {Posted} channel(s), {Alerts} reliability alert(s), {Patterns} frontline pattern(s). Open /local to chat.",
            seeded ? "sample data added" : "sample data already present", posted, alerts, patterns);
    }
}
