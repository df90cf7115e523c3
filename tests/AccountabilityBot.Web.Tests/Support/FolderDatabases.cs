using System.Data.Common;
using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Sdk;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The PostgreSQL pass's stand-in for the data folder: a host given a data folder and no provider gets a database
/// (abot_&lt;guid&gt;) of its own for that folder, made on first use, so two hosts on one folder are still a restart on
/// one database. They are dropped after each host test (<see cref="DropFolderDatabasesAttribute"/>: the host tests run
/// one at a time, so none is in use then) and, for anything left, when the test process exits: hundreds of them
/// would otherwise stay on the server's disk.
/// </summary>
public static class FolderDatabases
{
    static readonly Dictionary<string, string> ByFolder = [];

    static FolderDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>
    /// The settings as given, plus, in the PostgreSQL pass, the provider and this folder's database, unless the
    /// settings already choose a provider or a connection string (a test that is about one of them).
    /// </summary>
    public static Dictionary<string, string?> Settings(string dataDirectory, IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? []);
        if (!TestProvider.IsPostgres || all.ContainsKey("Database:Provider") || all.ContainsKey("ConnectionStrings:Accountability")) return all;
        all["Database:Provider"] = "Postgres";
        all["ConnectionStrings:Accountability"] = ConnectionString(dataDirectory);
        return all;
    }

    /// <summary>This folder's database, made now if it is the folder's first use.</summary>
    public static string ConnectionString(string dataDirectory)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        lock (ByFolder)
        {
            if (ByFolder.TryGetValue(folder, out var known)) return known;
            var name = "abot_" + Guid.NewGuid().ToString("N");
            Execute($"CREATE DATABASE \"{name}\"");
            return ByFolder[folder] = new NpgsqlConnectionStringBuilder(TestProvider.AdminConnectionString) { Database = name }.ConnectionString;
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

    /// <summary>Drops every folder's database (FORCE: a host a test left running must not keep one alive).</summary>
    public static void DropAll()
    {
        lock (ByFolder)
        {
            foreach (var connectionString in ByFolder.Values)
            {
                using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
                Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
            }
            ByFolder.Clear();
        }
    }

    static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestProvider.AdminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>After each host test, its folders' databases go (see <see cref="FolderDatabases"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DropFolderDatabasesAttribute : BeforeAfterTestAttribute
{
    public override void After(System.Reflection.MethodInfo methodUnderTest) => FolderDatabases.DropAll();
}
