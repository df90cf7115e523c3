using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AccountabilityBot.Web.Persistence;

/// <summary>The SQLite flavour of the model; its migrations live in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Adds the tables the host's adapters own (their IEntityTypeConfiguration classes in this assembly).</summary>
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(SqliteAppDbContext).Assembly);
    }

    /// <summary>
    /// SQLite has no decimal type: EF would store money as TEXT, which SUM and ORDER BY get wrong (or refuse).
    /// Here money is an INTEGER count of minor units (cents), so the metrics aggregate in SQL and indexes sort it
    /// right; the domain keeps <c>decimal</c>, and PostgreSQL keeps its own numeric column.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<decimal>().HaveConversion<MinorUnitsConverter>();
    }

    /// <summary>decimal ⇄ whole cents; sub-cent fractions round half away from zero, as accountants expect.</summary>
    public sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(v => ToMinorUnits(v), v => v / 100m)
    {
        public static long ToMinorUnits(decimal value) => (long)Math.Round(value * 100m, 0, MidpointRounding.AwayFromZero);
    }
}

/// <summary>Lets `dotnet ef migrations add X --context SqliteAppDbContext` build the context without the host.</summary>
public sealed class SqliteAppDbContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}
