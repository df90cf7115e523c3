using System.Collections.Concurrent;

namespace AccountabilityBot.Core.Persistence;

/// <summary>
/// A compiled query for each provider's context. EF binds a compiled query to the model it first ran on and refuses
/// any other, and each provider has a model of its own (one process may hold both: the tests, a move from SQLite).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    readonly ConcurrentDictionary<Type, TQuery> queries = new();

    public TQuery For(AppDbContext db) => queries.GetOrAdd(db.GetType(), _ => compile());
}
