using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Persistence;

/// <summary>The bot's database answers a query.</summary>
public sealed class DatabaseReadiness(IServiceScopeFactory scopes) : IReadinessCheck
{
    public string Name => "database";

    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A real read, not just opening the connection: a locked or half-migrated database must not look ready.
        await db.Members.AsNoTracking().AnyAsync(ct);
        return null;
    }
}
