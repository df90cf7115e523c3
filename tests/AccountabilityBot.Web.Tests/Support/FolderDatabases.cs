using System.Data.Common;
using AccountabilityBot.Core.Tests.Support;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Hangfire.PostgreSql;
using Npgsql;
using Xunit.Sdk;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The PostgreSQL pass's stand-in for the data folder: a host given a data folder and no provider gets a database
/// (abot_&lt;guid&gt;) of its own for that folder, made on first use, so two hosts on one folder are still a restart on
/// one database. Hosts hold a lease on their folder's database while they live; after each host test the databases
/// no host has held or named for a while are dropped (<see cref="DropFolderDatabasesAttribute"/>; the host tests run in
/// more than one collection at a time, so a test of another collection may be between two hosts on its folder), and
/// anything left when the test process exits: hundreds of them would otherwise stay on the server's disk.
/// </summary>
public static class FolderDatabases
{
    sealed class Entry(string connectionString)
    {
        public string ConnectionString => connectionString;
        public int Hosts;
        /// <summary>When a host last let it go or a test last named its folder.</summary>
        public long LastUsed = Environment.TickCount64;
    }

    /// <summary>
    /// How long a folder's database stays after its last use: longer than any host test takes between two uses of its
    /// folder (a restart, a count after the host stopped).
    /// </summary>
    static readonly TimeSpan KeptWhenIdle = TimeSpan.FromMinutes(2);

    static readonly Dictionary<string, Entry> ByFolder = [];

    static FolderDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(all: true);

    /// <summary>
    /// The settings as given, plus, in the PostgreSQL pass, the provider and this folder's database, unless the
    /// settings already choose a provider or a connection string (a test that is about one of them). In the SQLite pass
    /// a new folder gets a migrated file (<see cref="StartFromTemplate"/>).
    /// </summary>
    /// <param name="lease">Set when the settings name a folder database: dispose it when the host using them is gone.</param>
    public static Dictionary<string, string?> Settings(string dataDirectory, IEnumerable<KeyValuePair<string, string?>>? settings,
        out IDisposable? lease)
    {
        lease = null;
        var all = new Dictionary<string, string?>(settings ?? []);
        if (all.ContainsKey("Database:Provider") || all.ContainsKey("ConnectionStrings:Accountability")) return all;
        if (!TestProvider.IsPostgres)
        {
            StartFromTemplate(all.GetValueOrDefault("Database:DataDirectory") ?? dataDirectory);
            return all;
        }
        var entry = Find(dataDirectory);
        lock (ByFolder) entry.Hosts++;
        lease = new Lease(entry);
        all["Database:Provider"] = "Postgres";
        all["ConnectionStrings:Accountability"] = entry.ConnectionString;
        return all;
    }

    /// <summary>
    /// A new folder's SQLite file starts as a copy of one migrated for the whole run, as a restart finds it, instead of
    /// each host running every migration again on start. A folder that does not exist yet, or that already has a
    /// database (a test that brings its own), is left as it is.
    /// </summary>
    static void StartFromTemplate(string? dataDirectory)
    {
        if (dataDirectory is null || !Path.IsPathFullyQualified(dataDirectory) || !Directory.Exists(dataDirectory)) return;
        var file = Path.Combine(dataDirectory, PersistenceExtensions.FileName);
        if (File.Exists(file)) return;
        try { SqliteTemplate.CopyTo(file); }
        catch (IOException) when (File.Exists(file)) { } // another host on this folder made it first
    }

    /// <summary>The settings for something that does not outlive the test (a command line run in the test itself).</summary>
    public static Dictionary<string, string?> Settings(string dataDirectory, IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var all = Settings(dataDirectory, settings, out var lease);
        lease?.Dispose();
        return all;
    }

    sealed class Lease(Entry entry) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            lock (ByFolder)
            {
                entry.Hosts--;
                entry.LastUsed = Environment.TickCount64;
            }
        }
    }

    /// <summary>This folder's database, made now if it is the folder's first use.</summary>
    public static string ConnectionString(string dataDirectory) => Find(dataDirectory).ConnectionString;

    static Entry Find(string dataDirectory)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        lock (ByFolder)
        {
            if (ByFolder.TryGetValue(folder, out var known))
            {
                known.LastUsed = Environment.TickCount64;
                return known;
            }
            // A copy of one migrated (with Hangfire's schema) for the whole run: start-up finds the schema in place, as on a
            // restart, instead of installing it all again for each of the hundreds of hosts (PostgresHostTests start empty).
            var name = PostgresCopies.Take(TestProvider.AdminConnectionString, Template.Value);
            return ByFolder[folder] = new Entry(new NpgsqlConnectionStringBuilder(TestProvider.AdminConnectionString) { Database = name }.ConnectionString);
        }
    }

    /// <summary>
    /// A count straight from the folder's database (its SQLite file, or its PostgreSQL database in that pass), as another
    /// process would read it. Write identifiers quoted ("Resolutions"): PostgreSQL folds unquoted ones to lower case.
    /// </summary>
    public static async Task<long> CountAsync(string dataDirectory, string sql)
    {
        await using DbConnection connection = TestProvider.IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString(dataDirectory)) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, PersistenceExtensions.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Drops the folder databases idle for a while, or all of them (FORCE: a host left running must not keep one).</summary>
    public static void Drop(bool all)
    {
        lock (ByFolder)
        {
            var idleSince = Environment.TickCount64 - (long)KeptWhenIdle.TotalMilliseconds;
            foreach (var (folder, entry) in ByFolder.Where(e => all || (e.Value.Hosts <= 0 && e.Value.LastUsed < idleSince)).ToList())
            {
                PostgresCopies.Drop(new NpgsqlConnectionStringBuilder(entry.ConnectionString).Database!);
                ByFolder.Remove(folder);
            }
        }
    }

    static readonly Lazy<string> Template = new(() => PostgresTemplate.Ensure(TestProvider.AdminConnectionString, "web",
        // Hangfire's schema too: each host would otherwise install it again on start.
        connection => PostgreSqlObjectsInstaller.Install(connection, JobsExtensions.HangfireSchema),
        version: typeof(PostgreSqlObjectsInstaller).Assembly.GetName().Version!.ToString()));
}

/// <summary>After each host test, the folder databases idle for a while go (see <see cref="FolderDatabases"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DropFolderDatabasesAttribute : BeforeAfterTestAttribute
{
    public override void After(System.Reflection.MethodInfo methodUnderTest) => FolderDatabases.Drop(all: false);
}
