using System.Reflection;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AccountabilityBot.Web.Persistence;

/// <summary>A move the target database refuses; nothing was written to it.</summary>
public sealed class MoveRefusedException(string message) : Exception(message);

/// <summary>
/// Copies an SQLite installation's records into a new, empty PostgreSQL database: every table of the model (records,
/// audit trail, inbox, outbox, cadence, API keys, Slack and Teams references) with its ids, parents before children,
/// through EF so each value is converted as the bot stores it (money from cents to numeric, instants to UTC). The
/// hourly tally and the customer events' daily and monthly roll-ups are rebuilt by PostgreSQL's own triggers. Then every
/// table's rows are counted on both sides (the roll-ups' by the events they count: their rows may differ, split into shares
/// or emptied).
/// </summary>
public static class PostgresMove
{
    const int Chunk = 2_000;

    public sealed record TableCount(string Table, long Source, long Target)
    {
        public bool Same => Source == Target;
    }

    public static async Task<IReadOnlyList<TableCount>> CopyAsync(AppDbContext source, AppDbContext target, CancellationToken ct)
    {
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new MoveRefusedException("The SQLite database is older than this build: start the bot on it once (it upgrades itself), " +
                "stop it, then move.");
        if (await target.Database.SqlQueryRaw<long>("""
                SELECT COUNT(*) AS "Value" FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                """).SingleAsync(ct) > 0)
            throw new MoveRefusedException("The PostgreSQL database is not empty: move into a new, empty database, so nothing there is " +
                "overwritten or mixed in.");
        await target.Database.MigrateAsync(ct);
        var tables = InParentFirstOrder(target.Model);
        foreach (var table in tables.Where(t => t.ClrType != typeof(ResolutionTally) && !t.ClrType.IsAssignableTo(typeof(CustomerTotal))))
            await Generic(nameof(CopyTableAsync), table.ClrType).InvokeAsync(source, target, ct);
        foreach (var table in tables) await RestartIdentityAsync(target, table, ct);
        var counts = new List<TableCount>();
        foreach (var table in tables)
            counts.Add(new(table.GetTableName()!, await CountAsync(source, table, ct), await CountAsync(target, table, ct)));
        return counts;
    }

    /// <summary>Reads the source as a stream and writes it in chunks, so a million customer events fit in memory.</summary>
    static async Task CopyTableAsync<T>(AppDbContext source, AppDbContext target, CancellationToken ct) where T : class
    {
        var pending = 0;
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            target.Add(row);
            if (++pending < Chunk) continue;
            await SaveAsync(target, ct);
            pending = 0;
        }
        await SaveAsync(target, ct);
    }

    static async Task SaveAsync(AppDbContext target, CancellationToken ct)
    {
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
    }

    /// <summary>Ids were copied as they were, so each identity column continues after the largest one.</summary>
    static async Task RestartIdentityAsync(AppDbContext target, IEntityType table, CancellationToken ct)
    {
        if (table.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key] || key.ClrType == typeof(Guid)) return;
        var name = table.GetTableName()!;
        var column = key.GetColumnName(StoreObjectIdentifier.Table(name, table.GetSchema()));
        // Names from the model, not from input.
        var restart = $"""
            SELECT setval(pg_get_serial_sequence('"{name}"', '{column}'), COALESCE(MAX("{column}"), 0) + 1, false) FROM "{name}"
            """;
        await target.Database.ExecuteSqlRawAsync(restart, ct);
    }

    static Task<long> CountAsync(AppDbContext db, IEntityType table, CancellationToken ct) =>
        (Task<long>)Generic(nameof(CountRowsAsync), table.ClrType).Invoke(null, [db, ct])!;

    static Task<long> CountRowsAsync<T>(AppDbContext db, CancellationToken ct) where T : class =>
        typeof(T).IsAssignableTo(typeof(CustomerTotal))
            ? db.Set<T>().Cast<CustomerTotal>().SumAsync(t => (long)t.Count, ct)
            : db.Set<T>().LongCountAsync(ct);

    /// <summary>Tables whose rows others point to come first; within that, the model's own order.</summary>
    static List<IEntityType> InParentFirstOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.FindPrimaryKey() is not null).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType table, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(table) || !visiting.Add(table)) return;
            foreach (var parent in table.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != table)) Place(parent, visiting);
            placed.Add(table);
            ordered.Add(table);
        }
        foreach (var table in tables) Place(table, []);
        return ordered;
    }

    static MethodInfo Generic(string name, Type type) =>
        typeof(PostgresMove).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

    static Task InvokeAsync(this MethodInfo method, params object[] args) => (Task)method.Invoke(null, args)!;
}
