using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// The `/cx resolved` load side by side on SQLite (one instance), PostgreSQL (one instance) and PostgreSQL (two
/// instances on one database, each request sent to the next instance in turn, as a round-robin load balancer does),
/// alternating, each on a new database. Every tenth command is also sent again at once with the same trigger_id, to
/// the other instance when there are two (a Slack retry landing elsewhere): it must be recorded once and answered
/// the same. Reports the driver's figures, the CPU per command of the bot processes and of the PostgreSQL backends
/// serving the bench's database (from /proc; the server's own WAL writer and checkpointer are not counted), and the
/// rows stored: duplicates are resolutions beyond one per distinct text.
/// </summary>
static class ProviderComparison
{
    public sealed record Setup(string Name, bool Postgres, int Instances);

    public static readonly Setup[] Setups = [new("SQLite, 1 instance", false, 1), new("PostgreSQL, 1 instance", true, 1), new("PostgreSQL, 2 instances", true, 2)];

    public static async Task RunAsync(Func<string, int, string[], Process> start, string admin, int seconds, int[] levels, int rounds)
    {
        Console.WriteLine($"PostgreSQL: {new NpgsqlConnectionStringBuilder(admin) { Password = null }}");
        for (var round = 1; round <= rounds; round++)
            foreach (var setup in Setups)
            {
                Console.WriteLine($"round {round}, {setup.Name}; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
                await RunAsync(start, setup, admin, seconds, levels);
            }
    }

    static async Task RunAsync(Func<string, int, string[], Process> start, Setup setup, string admin, int seconds, int[] levels)
    {
        var data = Directory.CreateTempSubdirectory("abot-slack-load").FullName;
        var database = "abot_bench_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        if (setup.Postgres) await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        if (setup.Postgres) await StatementStatsAsync(connection, reset: true);
        string[] settings = setup.Postgres ? ["--Database:Provider=Postgres", "--ConnectionStrings:Accountability=" + connection] : [];
        var ports = Enumerable.Range(0, setup.Instances).Select(_ => Bench.FreePort()).ToArray();
        var servers = new List<Process>();
        try
        {
            // One after the other: the first migrates the new database.
            foreach (var port in ports)
            {
                servers.Add(start(Path.Combine(data, port.ToString()), port, settings));
                await Bench.FirstAnswerAsync(Client(port, levels.Max()));
            }
            var clients = ports.Select(port => Client(port, levels.Max())).ToArray();
            var answered = await Bench.RunAsync(clients, 32, TimeSpan.FromSeconds(20), report: false, retryEvery: 10);
            foreach (var concurrency in levels)
            {
                var backends = setup.Postgres ? await BackendsAsync(admin, database) : [];
                var before = (Bot: servers.Sum(s => Bench.CpuMs(s.Id)), Db: backends.Sum(Bench.CpuMsOrZero), Driver: Bench.CpuMs(Environment.ProcessId));
                var count = await Bench.RunAsync(clients, concurrency, TimeSpan.FromSeconds(seconds), report: true, retryEvery: 10);
                backends = setup.Postgres ? [.. (await BackendsAsync(admin, database)).Union(backends)] : [];
                double Per(long ms) => ms / (double)Math.Max(1, count);
                Console.WriteLine($"  CPU per command: bot {Per(servers.Sum(s => Bench.CpuMs(s.Id)) - before.Bot):F3} ms" +
                    (setup.Postgres ? $", PostgreSQL backends {Per(backends.Sum(Bench.CpuMsOrZero) - before.Db):F3} ms ({backends.Count} backends)" : "") +
                    $", driver {Per(Bench.CpuMs(Environment.ProcessId) - before.Driver):F3} ms; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
                answered += count;
            }
            await Task.Delay(TimeSpan.FromSeconds(3)); // let any deferred command finish
            var (rows, distinct, inbox) = setup.Postgres ? await PostgresRowsAsync(connection) : SqliteRows(Path.Combine(data, ports[0].ToString()));
            Console.WriteLine($"  persisted: {rows} resolutions ({rows - distinct} duplicates), {inbox} inbox rows, for {answered} answers 200 " +
                              "(warm-up and retries included)");
            if (setup.Postgres) await StatementStatsAsync(connection, reset: false);
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
            if (setup.Postgres) await ExecuteAsync(admin, $"DROP DATABASE {database} WITH (FORCE)");
        }
    }

    /// <summary>
    /// The database's deadlocks and its busiest statements (pg_stat_statements, when the server loads it), where the
    /// database's share of a command goes.
    /// </summary>
    static async Task StatementStatsAsync(string connection, bool reset)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        try
        {
            if (reset)
            {
                await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()", db).ExecuteNonQueryAsync();
                return;
            }
            await using (var deadlocks = await new NpgsqlCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", db).ExecuteReaderAsync())
                if (await deadlocks.ReadAsync()) Console.WriteLine($"  deadlocks: {deadlocks.GetInt64(0)}");
            await using var reader = await new NpgsqlCommand("""
                SELECT calls, total_exec_time / calls * 1000, rows, regexp_replace(left(query, 70), '\s+', ' ', 'g')
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT 8
                """, db).ExecuteReaderAsync();
            while (await reader.ReadAsync())
                Console.WriteLine($"    {reader.GetInt64(0),9} calls {reader.GetDouble(1),8:F0} µs each {reader.GetInt64(2),9} rows  {reader.GetString(3)}");
        }
        catch (PostgresException ex)
        {
            Console.WriteLine($"  (no statement statistics: {ex.MessageText})");
        }
    }

    static HttpClient Client(int port, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    static async Task ExecuteAsync(string admin, string sql)
    {
        await using var db = new NpgsqlConnection(admin);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The server processes serving the bench's database now (the bots' pooled connections).</summary>
    static async Task<List<int>> BackendsAsync(string admin, string database)
    {
        await using var db = new NpgsqlConnection(admin);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = $1", db) { Parameters = { new() { Value = database } } };
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }

    const string RowsSql = """
        SELECT (SELECT COUNT(*) FROM "Resolutions" WHERE "What" LIKE 'bench %'),
               (SELECT COUNT(DISTINCT "What") FROM "Resolutions" WHERE "What" LIKE 'bench %'),
               (SELECT COUNT(*) FROM "ReceivedCommands" WHERE "Text" LIKE 'resolved "bench %')
        """;

    static async Task<(long, long, long)> PostgresRowsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var reader = await new NpgsqlCommand(RowsSql, db).ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    static (long, long, long) SqliteRows(string data)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(data, "accountability.db")};Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = RowsSql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
