using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Pacing shared by every instance on one PostgreSQL database. Each limit (a key and one of its windows) is a row of
/// "SendPaces" holding the moment its bucket is next empty (GCRA's theoretical arrival time): a send may leave once
/// that moment minus the burst's reach has come. One statement locks a send's rows (in key order, so two bookings
/// never deadlock), takes the latest moment all of them allow, and moves each on by its spacing: one round trip per
/// post, on the database's clock, so instances whose own clocks differ still agree.
/// A window of N sends is kept as a burst and an even spacing that can never put more than N into it (see
/// <see cref="PaceLimit.AsCellRate"/>), which is a little stricter than the window itself. While the database cannot be
/// reached, this instance paces its own sends alone, so a notice that nothing was recorded still goes out.
/// </summary>
public sealed class PostgresSendPacing(IConfiguration config, ILogger<PostgresSendPacing> log) : ISendPacing
{
    readonly string connectionString = PostgresPersistence.ConnectionString(config);
    readonly InProcessSendPacing alone = new(TimeProvider.System);
    long nextPrune = Environment.TickCount64 + (long)PruneEvery.TotalMilliseconds;
    long nextAwayWarning;

    /// <summary>How often an instance clears rows nobody has booked for a while (an idle row means the same as none).</summary>
    public static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    const string Book = """
        WITH wanted AS (
            SELECT * FROM unnest(@keys, @spacings, @reaches) AS w(key, spacing, reach)
        ), locked AS (
            SELECT p."Key", p."Next", w.spacing, w.reach FROM "SendPaces" p JOIN wanted w ON p."Key" = w.key
            ORDER BY p."Key" FOR UPDATE OF p
        ), slot AS (
            SELECT GREATEST(clock_timestamp(), MAX(l."Next" - l.reach * interval '1 microsecond')) AS at, COUNT(*) AS found FROM locked l
        )
        UPDATE "SendPaces" p SET "Next" = GREATEST(l."Next", s.at) + l.spacing * interval '1 microsecond'
        FROM locked l, slot s
        WHERE p."Key" = l."Key" AND s.found = cardinality(@keys)
        RETURNING EXTRACT(EPOCH FROM s.at - clock_timestamp())::float8
        """;

    const string Create = """
        INSERT INTO "SendPaces" ("Key", "Next") SELECT key, clock_timestamp() FROM unnest(@keys) AS w(key) ORDER BY key
        ON CONFLICT ("Key") DO NOTHING
        """;

    const string Hold = """
        INSERT INTO "SendPaces" ("Key", "Next")
        SELECT key, clock_timestamp() + (@wait + reach) * interval '1 microsecond' FROM unnest(@keys, @reaches) AS w(key, reach) ORDER BY key
        ON CONFLICT ("Key") DO UPDATE SET "Next" = GREATEST("SendPaces"."Next", EXCLUDED."Next")
        """;

    const string Prune = """DELETE FROM "SendPaces" WHERE "Next" < clock_timestamp() - interval '1 minute'""";

    public async Task<TimeSpan> BookAsync(IReadOnlyList<PaceLimit> limits, CancellationToken ct)
    {
        try { return await BookSharedAsync(limits, ct); }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            WarnAway(e);
            return await alone.BookAsync(limits, ct);
        }
    }

    public async Task HoldAsync(IReadOnlyList<PaceLimit> limits, TimeSpan wait, CancellationToken ct)
    {
        await alone.HoldAsync(limits, wait, ct);
        try { await HoldSharedAsync(limits, wait, ct); }
        catch (Exception e) when (DatabaseUnavailable.Is(e)) { WarnAway(e); }
    }

    void WarnAway(Exception e)
    {
        var due = Interlocked.Read(ref nextAwayWarning);
        if (Environment.TickCount64 < due || Interlocked.CompareExchange(ref nextAwayWarning, Environment.TickCount64 + 60_000, due) != due) return;
        log.LogWarning("The database cannot be reached ({Error}): this instance paces its posts alone until it is back", e.Message);
    }

    async Task<TimeSpan> BookSharedAsync(IReadOnlyList<PaceLimit> limits, CancellationToken ct)
    {
        var rows = Rows(limits);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            await using (var book = Command(connection, Book, rows))
                if (await book.ExecuteScalarAsync(ct) is double seconds)
                {
                    await PruneNowAndThenAsync(connection, ct);
                    return seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
                }
            // The first send under one of these keys (or since its row was pruned): make the rows, then book.
            if (attempt == 3) throw new InvalidOperationException("The pacing rows for a send could not be made.");
            await using var create = Command(connection, Create, rows);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    async Task HoldSharedAsync(IReadOnlyList<PaceLimit> limits, TimeSpan wait, CancellationToken ct)
    {
        var rows = Rows(limits);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var hold = Command(connection, Hold, rows);
        hold.Parameters.AddWithValue("wait", NpgsqlDbType.Bigint, Microseconds(wait));
        await hold.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes rows idle for a minute; public for tests.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return await PruneAsync(connection, ct);
    }

    async Task PruneNowAndThenAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var due = Interlocked.Read(ref nextPrune);
        if (Environment.TickCount64 < due
            || Interlocked.CompareExchange(ref nextPrune, Environment.TickCount64 + (long)PruneEvery.TotalMilliseconds, due) != due) return;
        try { log.LogDebug("Pruned {Rows} idle pacing rows", await PruneAsync(connection, ct)); }
        catch (NpgsqlException e) { log.LogWarning("Could not prune the pacing rows: {Error}", e.Message); }
    }

    static async Task<int> PruneAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var prune = new NpgsqlCommand(Prune, connection);
        return await prune.ExecuteNonQueryAsync(ct);
    }

    sealed record PaceRows(string[] Keys, long[] Spacings, long[] Reaches);

    static PaceRows Rows(IReadOnlyList<PaceLimit> limits)
    {
        var distinct = limits.DistinctBy(l => l.RowKey, StringComparer.Ordinal).ToList();
        var rates = distinct.Select(l => l.AsCellRate()).ToList();
        return new([.. distinct.Select(l => l.RowKey)], [.. rates.Select(r => Microseconds(r.Spacing))], [.. rates.Select(r => Microseconds(r.Reach))]);
    }

    static NpgsqlCommand Command(NpgsqlConnection connection, string sql, PaceRows rows)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Keys);
        if (sql.Contains("@spacings", StringComparison.Ordinal))
            command.Parameters.AddWithValue("spacings", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Spacings);
        if (sql.Contains("@reaches", StringComparison.Ordinal))
            command.Parameters.AddWithValue("reaches", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Reaches);
        return command;
    }

    static long Microseconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;
}
