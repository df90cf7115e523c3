using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>
/// A real database per test, migrated with the real migrations and deleted afterwards: a SQLite file, or in the
/// PostgreSQL pass (<see cref="TestProvider"/>) a fresh abot_&lt;guid&gt; database, configured as the host configures it.
/// Either is a copy of one migrated once for the whole run (<see cref="SqliteTemplate"/>, <see cref="PostgresTemplate"/>).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "abot-tests", Guid.NewGuid().ToString("N"));
    readonly string? postgresName;

    /// <param name="migrateTo">A migration's name to stop at (to test the ones after it); all of them by default. SQLite's
    /// migrations only: a test that uses it is a <see cref="SqliteFactAttribute"/>.</param>
    public TestDatabase(string? migrateTo = null)
    {
        if (TestProvider.IsPostgres)
        {
            if (migrateTo is not null) throw new InvalidOperationException("migrateTo steps through SQLite's migrations; mark the test [SqliteFact].");
            // A copy of a database migrated once for the whole run: the same schema, without running every migration
            // again for each of the hundreds of tests.
            postgresName = PostgresCopies.Take(TestProvider.AdminConnectionString, Template.Value);
            ConnectionString = PostgresConnectionString(postgresName);
            return;
        }
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "test.db");
        ConnectionString = $"Data Source={file}";
        if (migrateTo is null)
        {
            SqliteTemplate.CopyTo(file);
            return;
        }
        using var db = NewContext();
        db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().Single(m => m.EndsWith("_" + migrateTo, StringComparison.Ordinal)));
    }

    public string ConnectionString { get; }

    public bool IsPostgres => postgresName is not null;

    /// <summary>A fresh context on the same database, like a new request scope.</summary>
    public AppDbContext NewContext() => IsPostgres
        ? new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)Configure(new DbContextOptionsBuilder<PostgresAppDbContext>(), []).Options)
        : new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)Configure(new DbContextOptionsBuilder<SqliteAppDbContext>(), []).Options);

    /// <summary>Registers the context as the host does (see PersistenceExtensions and PostgresPersistence), with the interceptors given.</summary>
    public void AddContext(IServiceCollection services, Func<IServiceProvider, IEnumerable<IInterceptor>> interceptors)
    {
        if (IsPostgres) services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => Configure(o, interceptors(sp)));
        else services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => Configure(o, interceptors(sp)));
    }

    /// <summary>The customer-event store the host uses on this provider.</summary>
    public ICustomerEventStore CustomerEvents(AppDbContext db, TimeProvider clock) =>
        IsPostgres ? new PostgresCustomerEventStore(db, clock) : new SqliteCustomerEventStore(db, clock);

    DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, IEnumerable<IInterceptor> interceptors) =>
        (IsPostgres ? options.UseNpgsql(ConnectionString) : options.UseSqlite(ConnectionString))
            .AddInterceptors(interceptors)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public void Dispose()
    {
        if (IsPostgres)
        {
            PostgresCopies.Drop(postgresName!);
            return;
        }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    static readonly Lazy<string> Template = new(() => PostgresTemplate.Ensure(TestProvider.AdminConnectionString, "core"));

    /// <summary>The host's own recipe (Max Auto Prepare and all), from the settings the host would read.</summary>
    static string PostgresConnectionString(string database)
    {
        var given = new NpgsqlConnectionStringBuilder(TestProvider.AdminConnectionString) { Database = database }.ConnectionString;
        return PostgresPersistence.ConnectionString(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Accountability"] = given }).Build());
    }

    static void ExecuteAdmin(string sql) => PostgresTemplate.Execute(TestProvider.AdminConnectionString, sql);
}
