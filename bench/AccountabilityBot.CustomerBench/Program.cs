// Customer data at scale, on SQLite or PostgreSQL (a DB that is a connection string with Host=…; the database exists):
//   generate FILE [EVENTS] [CUSTOMERS]   a deterministic 3-year history (default 1,000,000 events, 100,000 customers)
//   import FILE DB                      import it through the same importer the command line and upload use
//   validate FILE                        read and validate only (a store that writes nothing): the non-SQLite share
//   review DB [RUNS]                     compose the weekly review (as of 2026-11-26) repeatedly; p50/p95
// Each mode prints the process's peak resident memory, so run import and review as separate processes.
using System.Diagnostics;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.CustomerBench;
using AccountabilityBot.Web.Persistence;
using Microsoft.EntityFrameworkCore;

var mode = args.ElementAtOrDefault(0);
var reviewDay = new FixedClock(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
switch (mode)
{
    case "generate":
    {
        var events = args.Length > 2 ? int.Parse(args[2]) : 1_000_000;
        var customers = args.Length > 3 ? int.Parse(args[3]) : 100_000;
        var watch = Stopwatch.StartNew();
        var bytes = Generator.Write(args[1], customers, events, seed: 20261126, lastDay: new DateOnly(2026, 11, 22));
        Console.WriteLine($"generated {events:N0} events for {customers:N0} customers: {bytes / 1024.0 / 1024.0:N1} MB in {watch.Elapsed.TotalSeconds:N1} s");
        break;
    }
    case "import":
    {
        await using (var db = Context(args[2]))
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
        var watch = Stopwatch.StartNew();
        await using (var db = Context(args[2]))
        await using (var file = new FileStream(args[1], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            ICustomerEventStore store = db.Database.IsSqlite()
                ? new SqliteCustomerEventStore(db, TimeProvider.System)
                : new PostgresCustomerEventStore(db, TimeProvider.System);
            var importer = new CustomerEventImporter(store, new CustomerDataSettings(), TimeProvider.System);
            var report = await importer.ImportCsvAsync(file, CsvMapping.Canonical, partial: false, "bench", CancellationToken.None);
            watch.Stop();
            Console.WriteLine(report.Summary);
            Console.WriteLine($"import: {report.Rows:N0} rows in {watch.Elapsed.TotalSeconds:N2} s = {report.Rows / watch.Elapsed.TotalSeconds:N0} rows/s; peak memory {Peak()} MB");
        }
        break;
    }
    case "validate":
    {
        // Reading and validating only, into a store that writes nothing: the part of the import that is not SQLite.
        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(args[1]);
        var importer = new CustomerEventImporter(new NullStore(), new CustomerDataSettings(), TimeProvider.System);
        var report = await importer.ImportCsvAsync(file, CsvMapping.Canonical, partial: false, "bench", CancellationToken.None);
        Console.WriteLine($"read+validate: {report.Rows:N0} rows in {watch.Elapsed.TotalSeconds:N2} s = {report.Rows / watch.Elapsed.TotalSeconds:N0} rows/s; peak memory {Peak()} MB");
        break;
    }
    case "review":
    {
        var runs = args.Length > 2 ? int.Parse(args[2]) : 50;
        var settings = new BotSettings { DefaultTimeZone = "UTC" };
        var timings = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var db = Context(args[1]);
            var message = await new WeeklyReview(new ReviewLoader(db), db, reviewDay, settings).PreviewAsync(CancellationToken.None);
            watch.Stop();
            if (i >= 5) timings.Add(watch.Elapsed.TotalMilliseconds);
            if (message.Blocks.Count == 0) throw new InvalidOperationException("The review came out empty.");
        }
        timings.Sort();
        Console.WriteLine($"review on {Name(args[1])}: runs={runs} p50={timings[runs / 2]:F1} ms p95={timings[(int)(runs * 0.95)]:F1} ms max={timings[^1]:F1} ms; peak memory {Peak()} MB");
        break;
    }
    default:
        Console.Error.WriteLine("usage: generate FILE [EVENTS] [CUSTOMERS] | import FILE DB | review DB [RUNS]");
        return 2;
}
return 0;

// A SQLite file, or a PostgreSQL database named by its connection string (with Npgsql's automatic preparation on, as
// the bot runs it).
static AppDbContext Context(string db) => db.Contains("Host=", StringComparison.OrdinalIgnoreCase)
    ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
        .UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(db) { MaxAutoPrepare = PostgresPersistence.DefaultMaxAutoPrepare }.ConnectionString).Options)
    : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={db}").Options);

// What the review ran on, without a connection string's password.
static string Name(string db) => db.Contains("Host=", StringComparison.OrdinalIgnoreCase)
    ? "PostgreSQL database " + new Npgsql.NpgsqlConnectionStringBuilder(db).Database
    : db;

// VmHWM: the most resident memory the process ever had, which is what a host's memory limit sees.
static long Peak()
{
    var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:")) : null;
    return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}

sealed class NullStore : ICustomerEventStore, ICustomerEventWriter
{
    public Task<ICustomerEventWriter> OpenAsync(CancellationToken ct) => Task.FromResult<ICustomerEventWriter>(this);
    public Task WriteAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct) => Task.CompletedTask;
    public Task<(int Inserted, int Updated)> CommitAsync(Func<int, int, string> auditSummary, CancellationToken ct) => Task.FromResult((0, 0));
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

// The review as of the Thursday after the generated history ends (2026-11-22), whenever the bench runs: its week
// (the seven days to yesterday) and quarter then hold the data, as they did when the first figures were taken.
sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
