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

    /// <summary>
    /// What a server shutdown does to this database's sessions, without touching the shared server: new connections are
    /// refused ("not currently accepting connections") and every open one is ended with 57P01 (admin shutdown).
    /// </summary>
    public async Task TakeDownAsync()
    {
        await ExecuteAsync(AdminConnectionString!, $"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS false");
        // A session that was starting as the ALTER committed got past its check and still appears: ended too.
        for (var ended = 1; ended > 0; await Task.Delay(50))
            ended = Convert.ToInt32(await ScalarAsync(AdminConnectionString!,
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()"));
    }

    /// <summary>The database takes connections again, as after the server's restart.</summary>
    public Task BringBackAsync() => ExecuteAsync(AdminConnectionString!, $"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS true");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE: a pooled connection of a host that was not disposed must not keep the database alive.
        await ExecuteAsync(AdminConnectionString!, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
