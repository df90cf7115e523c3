namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// Every setting, read and validated right after the host is built and before anything is created or migrated, so a
/// wrong value stops the bot with one line per problem instead of a stack trace after the database was touched.
/// </summary>
public static class SettingsCheck
{
    /// <summary>EX_CONFIG (sysexits.h): lets a service manager tell "fix the settings" from a crash.</summary>
    public const int ExitCode = 78;

    public static IReadOnlyList<string> Problems(IServiceProvider services) =>
    [
        .. services.GetServices<SettingsSection>().SelectMany(s => s.Problems(services)),
        .. Switches.Problems(services.GetRequiredService<IConfiguration>()),
    ];

    /// <summary>True when every setting is usable; otherwise prints each problem on one line to standard error.</summary>
    public static bool SettingsAreValid(this WebApplication app)
    {
        var problems = Problems(app.Services);
        if (problems.Count == 0) return true;
        Console.Error.WriteLine($"AccountabilityBot did not start: {problems.Count} setting(s) to fix. Nothing was created or changed.");
        foreach (var problem in problems) Console.Error.WriteLine(problem.ReplaceLineEndings(" "));
        return false;
    }
}
