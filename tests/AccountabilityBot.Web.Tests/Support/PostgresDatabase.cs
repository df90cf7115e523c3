using Npgsql;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// A fresh, empty database (abot_&lt;guid&gt;) on the server named by ACCOUNTABILITY_TEST_POSTGRES (an administrator's
/// connection string, e.g. Host=127.0.0.1;Port=5433;Username=postgres;Password=postgres), dropped when disposed.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "ACCOUNTABILITY_TEST_POSTGRES";
    public const string SkipReason = $"PostgreSQL tests need a server: set {Variable} to an administrator's connection string.";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The bot's connection string for this database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = "abot_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        return new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>The settings that put a <see cref="BotApplication"/> or a bot process on this database.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Accountability"] = ConnectionString };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE: a pooled connection of a host that was not disposed must not keep the database alive.
        await ExecuteAsync(AdminConnectionString!, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
