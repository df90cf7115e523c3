using System.Security.Cryptography;
using System.Text;
using AccountabilityBot.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>
/// The PostgreSQL pass copies each test database from a template migrated once (CREATE DATABASE … TEMPLATE) instead of
/// running every migration for each of hundreds of tests. The template is named after what it holds (a hash of the
/// migration script and of what <c>more</c> adds), so a run reuses the one an earlier run left and the server keeps one
/// per schema, not one per run: a test process is not always given the chance to clean up when it ends. Shared by
/// both test projects (linked into Web.Tests).
/// </summary>
public static class PostgresTemplate
{
    /// <param name="kind">What the template is for, part of its name.</param>
    /// <param name="more">Run on the template after the migrations (Hangfire's schema); <paramref name="version"/> names it.</param>
    public static string Ensure(string adminConnectionString, string kind, Action<NpgsqlConnection>? more = null, string version = "")
    {
        var options = Options(adminConnectionString, "postgres");
        string script;
        using (var db = new PostgresAppDbContext(options)) script = db.GetService<IMigrator>().GenerateScript();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script + version)))[..16];
        var name = $"abot_template_{kind}_{hash}";
        if (Exists(adminConnectionString, name)) return name;

        // Built under a name of its own and renamed when complete: a run stopped halfway leaves no template to reuse.
        var building = "abot_" + Guid.NewGuid().ToString("N");
        Execute(adminConnectionString, $"CREATE DATABASE \"{building}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = building, Pooling = false }.ConnectionString;
        using (var db = new PostgresAppDbContext(Options(adminConnectionString, building))) db.Database.Migrate();
        if (more is not null)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            more(connection);
        }
        // A template must have no connections when it is copied: the migration's pooled one goes.
        using (var pooled = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = building }.ConnectionString))
            NpgsqlConnection.ClearPool(pooled);
        try
        {
            Execute(adminConnectionString, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            Execute(adminConnectionString, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"); // another run made it meanwhile
        }
        return name;
    }

    static DbContextOptions<PostgresAppDbContext> Options(string adminConnectionString, string database) =>
        new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;

    static bool Exists(string adminConnectionString, string name)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        return command.ExecuteScalar() is not null;
    }

    public static void Execute(string adminConnectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
