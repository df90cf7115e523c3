using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Persistence;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// <c>dotnet run --project src/AccountabilityBot.Web -- import FILE [--mapping salesforce|hubspot] [--partial]</c>: imports a CSV
/// into the same database the bot uses (same settings), prints the report, and exits without starting the web host.
/// Exit code 0: imported; 1: nothing imported (the report says why); 2: bad arguments; 78: a setting to fix (each printed).
/// </summary>
public static class ImportCommandLine
{
    public static bool IsImport(string[] args) => args.Length > 0 && args[0] == "import";

    public static async Task<int> RunAsync(string[] args)
    {
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var mappingAt = Array.IndexOf(args, "--mapping");
        var mappingName = mappingAt > 0 && mappingAt + 1 < args.Length ? args[mappingAt + 1] : null;
        var partial = args.Contains("--partial");
        // `dotnet run --project` runs in the project folder; a relative path is meant from the shell's folder.
        if (file is not null && !File.Exists(file) && Environment.GetEnvironmentVariable("PWD") is { } shell && File.Exists(Path.Combine(shell, file)))
            file = Path.Combine(shell, file);
        if (file is null || file == mappingName || !File.Exists(file))
        {
            Console.Error.WriteLine(
                "Usage: import FILE [--mapping canonical|salesforce|hubspot] [--partial]" + (file is null ? "" : $"\nNo such file: {file}"));
            return 2;
        }
        if (CsvMapping.Find(mappingName) is not { } mapping)
        {
            Console.Error.WriteLine($"Unknown mapping '{mappingName}'; use {string.Join(", ", CsvMapping.All.Select(m => m.Name))}.");
            return 2;
        }

        // The same configuration and database as the bot, without HTTP, jobs or chat.
        var settingsArgs = args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':') && i > 0).ToArray();
        var builder = WebApplication.CreateBuilder(AppFolder.Options(settingsArgs));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBotCore();
        builder.AddPersistence();
        builder.AddCustomerData();
        await using var app = builder.Build();
        if (!app.SettingsAreValid()) return SettingsCheck.ExitCode;
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await scope.ServiceProvider.GetRequiredService<CustomerEventImporter>()
            .ImportCsvAsync(stream, mapping, partial, $"command line ({Path.GetFileName(file)})", CancellationToken.None);
        foreach (var p in report.Problems) Console.WriteLine($"line {p.Line}, {p.Column}: {p.Reason}");
        if (report.ProblemsTruncated) Console.WriteLine($"…only the first {CustomerEventImporter.MaxProblemsListed:N0} problems are listed.");
        Console.WriteLine($"{report.Summary} ({started.Elapsed.TotalSeconds:N1} s)");
        return report.Written ? 0 : 1;
    }
}
