using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>A <see cref="BotApplication"/> on one provider: its own SQLite folder, or its own fresh PostgreSQL database.</summary>
public sealed class ProviderApp : IAsyncDisposable
{
    ProviderApp(BotApplication app, PostgresDatabase? database)
    {
        App = app;
        Database = database;
    }

    public BotApplication App { get; }
    public PostgresDatabase? Database { get; }

    public static async Task<ProviderApp> CreateAsync(string provider, FakeTimeProvider clock, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = provider == "Postgres" ? await PostgresDatabase.CreateAsync() : null;
        // SQLite named outright: the PostgreSQL pass would otherwise put a host without a provider on PostgreSQL.
        var all = database?.Settings(settings)
            ?? new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Database:Provider"] = "Sqlite" };
        return new ProviderApp(new BotApplication(BotApplication.NewDataDirectory(), clock, all, services), database);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
