using System.Data.Common;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Resolutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Database:Provider=Postgres: the records in the database named by ConnectionStrings:Accountability. What SQLite
/// needs on its own (busy timeout, statement cache, data folder checks) has no counterpart here: PostgreSQL waits for
/// locks itself and Npgsql prepares repeated statements (Max Auto Prepare). The lean `resolved` store has its own
/// counterpart (PostgresResolutionFastStore), with the same rows and answers as SQLite's.
/// </summary>
public static class PostgresPersistence
{
    public const int DefaultMaxAutoPrepare = 64;

    internal static void AddPostgres(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICustomerEventStore, PostgresCustomerEventStore>();
        // The frontline's `resolved` in plain prepared SQL inside the command writer (see ResolvedFastPath).
        builder.Services.AddScoped<IResolutionFastStore, PostgresResolutionFastStore>();
        builder.Services.AddScoped<ResolvedFastPath>();
        builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, options) => options
            .UseNpgsql(ConnectionString(sp.GetRequiredService<IConfiguration>()))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
    }

    /// <summary>
    /// ConnectionStrings:Accountability, with Npgsql's automatic preparation on unless it is set: the same few
    /// statements run for every command, and a prepared one skips the server's parse and plan.
    /// </summary>
    public static string ConnectionString(IConfiguration config)
    {
        var configured = config.GetConnectionString("Accountability") ?? "";
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>A connection string Npgsql understands and that names a server; what is wrong with it otherwise.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return "ConnectionStrings:Accountability is required with Database:Provider=Postgres; " +
                "use e.g. Host=db.example.internal;Database=accountability;Username=accountability;Password=….";
        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                ? "ConnectionStrings:Accountability names no PostgreSQL server; add e.g. Host=db.example.internal."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"ConnectionStrings:Accountability is not a PostgreSQL connection string ({ex.Message}); " +
                "use e.g. Host=db.example.internal;Database=accountability;Username=accountability;Password=….";
        }
    }
}
