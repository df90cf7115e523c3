using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// The PostgreSQL flavour of the model; its migrations live in Persistence/Migrations/Postgres. Money stays an exact
/// <c>numeric</c>, instants are <c>timestamp with time zone</c> (written as UTC by the neutral model's converter) and
/// enums are stored by name, as on SQLite, so both providers hold the same data. It runs on the regular model: the
/// compiled one (CompiledModel/) is SQLite's, and EF finds it by this context's type, so it is never picked up here.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Adds the tables the host's adapters own (their IEntityTypeConfiguration classes in this assembly).</summary>
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(PostgresAppDbContext).Assembly);
    }
}

/// <summary>Lets `dotnet ef migrations add X --context PostgresAppDbContext` build the context without the host or a server.</summary>
public sealed class PostgresAppDbContextFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
