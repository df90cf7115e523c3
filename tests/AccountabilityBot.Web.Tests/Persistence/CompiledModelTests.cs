using AccountabilityBot.Web.Persistence.CompiledModel;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// The host runs on the compiled model (Persistence/CompiledModel) and skips EF's start-up comparison of the model with
/// the migrations, which would rebuild the whole model and cost about 250 ms of every start. These two checks take its
/// place: after any change to an entity or its configuration, add the migration and regenerate the compiled model with
/// `dotnet tool run dotnet-ef dbcontext optimize --project src/AccountabilityBot.Web --context SqliteAppDbContext
/// --output-dir Persistence/CompiledModel --namespace AccountabilityBot.Web.Persistence.CompiledModel`.
/// </summary>
public sealed class CompiledModelTests
{
    static SqliteAppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

    [SqliteFact("SQLite's compiled model")]
    public void Migrations_CoverTheModelBuiltFromCode()
    {
        using var db = NewContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The entities changed since the last migration: add one (dotnet ef migrations add ...), then regenerate the compiled model.");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModelBuiltFromCode_WhichIsNotSqlitesCompiledOne()
    {
        // No server needed: the model and the migrations' snapshot are compared in memory.
        using var db = new PostgresAppDbContextFactory().CreateDbContext([]);
        Assert.IsNotType<SqliteAppDbContextModel>(db.Model);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The entities changed since the last PostgreSQL migration: add one for each provider (CONTRIBUTING.md).");
    }

    [SqliteFact("SQLite's compiled model")]
    public void CompiledModel_MatchesTheModelBuiltFromCode()
    {
        using var db = NewContext();
        Assert.IsType<SqliteAppDbContextModel>(db.Model); // the host really runs on it
        var fromCode = Describe(db.GetService<IDesignTimeModel>().Model);
        Assert.NotEmpty(fromCode);
        // Line by line, so a stale model names what it is missing.
        Assert.Equal(fromCode, Describe(db.Model));
    }

    /// <summary>Tables, columns (type, nullability, length, converter), keys, indexes and foreign keys, one per line.</summary>
    static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(e => new[] { $"{e.Name} -> {e.GetTableName()}" }
            .Concat(e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.GetColumnName()} {p.ClrType.Name} null={p.IsNullable} max={p.GetMaxLength()} " +
                $"conv={p.GetTypeMapping().Converter?.GetType().Name}"))
            .Concat(e.GetKeys().Select(k => $"{e.Name} key({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}"))
            .Concat(e.GetIndexes().Select(i => $"{e.Name} index({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}"))
            .Concat(e.GetForeignKeys().Select(f =>
                $"{e.Name} fk({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}")))
            .Order(StringComparer.Ordinal),
    ];
}
