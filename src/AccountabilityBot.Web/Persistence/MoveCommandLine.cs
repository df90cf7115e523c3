using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// <c>dotnet run --project src/AccountabilityBot.Web -- move-to-postgres [SQLITE_FILE] --ConnectionStrings:Accountability=…</c>:
/// copies an SQLite installation (by default the bot's own, in its data folder) into the new, empty PostgreSQL database
/// the connection string names, checks every table's row count, and exits without starting the web host.
/// Exit code 0: moved and checked; 1: refused or a count differs (said why); 2: bad arguments.
/// </summary>
public static class MoveCommandLine
{
    public static bool IsMove(string[] args) => args.Length > 0 && args[0] == "move-to-postgres";

    public static async Task<int> RunAsync(string[] args)
    {
        var settingsArgs = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':')).ToArray();
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddCommandLine(settingsArgs).Build();
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? Path.Combine(PersistenceExtensions.Resolve(config["Database:DataDirectory"] ?? "data", AppContext.BaseDirectory),
                PersistenceExtensions.FileName);
        if (!File.Exists(file) && Environment.GetEnvironmentVariable("PWD") is { } shell && File.Exists(Path.Combine(shell, file)))
            file = Path.Combine(shell, file);
        var target = config.GetConnectionString("Accountability");
        if ((File.Exists(file) ? PostgresPersistence.Problem(target) : $"No SQLite database at {file}.") is { } problem)
        {
            Console.Error.WriteLine("Usage: move-to-postgres [SQLITE_FILE] --ConnectionStrings:Accountability=\"Host=…;Database=…;Username=…\"");
            Console.Error.WriteLine(problem);
            return 2;
        }

        var source = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString();
        await using var from = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(source).Options);
        await using var to = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(PostgresPersistence.ConnectionString(config)).Options);
        try
        {
            var counts = await PostgresMove.CopyAsync(from, to, CancellationToken.None);
            foreach (var c in counts) Console.WriteLine($"{c.Table,-28} {c.Source,10:N0} → {c.Target,10:N0}{(c.Same ? "" : "   DIFFERS")}");
            if (counts.All(c => c.Same))
            {
                Console.WriteLine($"Moved {counts.Sum(c => c.Source):N0} rows from {file}. Start the bot with Database:Provider=Postgres.");
                return 0;
            }
            Console.Error.WriteLine("Some tables differ (above): do not switch; drop the PostgreSQL database and move again.");
            return 1;
        }
        catch (MoveRefusedException refused)
        {
            Console.Error.WriteLine(refused.Message);
            return 1;
        }
    }
}
