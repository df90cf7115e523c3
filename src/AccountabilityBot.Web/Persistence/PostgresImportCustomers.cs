using AccountabilityBot.Core.Customers.Import;
using Npgsql;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// The customer (and group) ids of an import's events on PostgreSQL, a batch's new customers in a few set-based
/// statements instead of a round trip each. The rules are SQLite's, row by row: a customer with an id is upserted by
/// it (name replaced, group kept unless one is given); one without is the earliest customer of that exact name, given
/// the row's group if it names one, else a new customer; the first row of a customer in the import decides, and
/// groups match whatever their case.
/// </summary>
internal sealed class PostgresImportCustomers(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    readonly Dictionary<string, int> groups = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, int> customers = new(StringComparer.Ordinal);

    public async Task LoadGroupsAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""SELECT "Id", "Name" FROM "CustomerGroups" """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) groups.TryAdd(reader.GetString(1), reader.GetInt32(0));
    }

    /// <summary>The customer id of each event of the batch, in its order.</summary>
    public async Task<int[]> IdsAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct)
    {
        var fresh = new List<(string Key, CustomerEventInput Event)>();
        var keys = new string[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            keys[i] = Key(batch[i]);
            if (customers.TryAdd(keys[i], 0)) fresh.Add((keys[i], batch[i])); // its id is filled in below
        }
        if (fresh.Count > 0) await ResolveAsync(fresh, ct);
        return [.. keys.Select(k => customers[k])];
    }

    static string Key(CustomerEventInput e) => e.CustomerId is null ? "n:" + e.CustomerName : "i:" + e.CustomerId;

    async Task ResolveAsync(List<(string Key, CustomerEventInput Event)> fresh, CancellationToken ct)
    {
        await AddGroupsAsync(fresh.Select(f => f.Event.Group), ct);
        // Consecutive customers of one kind go together; where the kind changes the order matters (a customer found by
        // name may be one just added by id, or the other way round), so each run sees the runs before it.
        for (var start = 0; start < fresh.Count;)
        {
            var byId = fresh[start].Event.CustomerId is not null;
            var end = start;
            while (end < fresh.Count && fresh[end].Event.CustomerId is not null == byId) end++;
            var run = fresh.GetRange(start, end - start);
            int?[] groupIds = [.. run.Select(f => f.Event.Group is { } g ? groups[g] : (int?)null)];
            await using var command = new NpgsqlCommand(byId ? UpsertById : FindOrAddByName, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = run.Select(f => f.Event.CustomerName).ToArray() });
            if (byId) command.Parameters.Add(new NpgsqlParameter { Value = run.Select(f => f.Event.CustomerId!).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = groupIds });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) customers[run[(int)reader.GetInt64(0) - 1].Key] = reader.GetInt32(1);
            start = end;
        }
    }

    async Task AddGroupsAsync(IEnumerable<string?> names, CancellationToken ct)
    {
        var missing = names.OfType<string>().Where(n => !groups.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (missing.Length == 0) return;
        await using var command = new NpgsqlCommand(AddGroups, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = missing });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) groups[reader.GetString(1)] = reader.GetInt32(0);
    }

    const string AddGroups = """
        INSERT INTO "CustomerGroups" ("Name") SELECT name FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord) ORDER BY ord
        RETURNING "Id", "Name"
        """;

    // Ids are distinct within a run, so no row is upserted twice by one statement.
    const string UpsertById = """
        WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS t(name, ext, grp, ord)),
        upserted AS (
            INSERT INTO "Customers" ("Name", "ExternalId", "GroupId") SELECT name, ext, grp FROM input ORDER BY ord
            ON CONFLICT ("ExternalId") DO UPDATE SET "Name" = excluded."Name", "GroupId" = COALESCE(excluded."GroupId", "Customers"."GroupId")
            RETURNING "Id", "ExternalId")
        SELECT input.ord, upserted."Id" FROM input JOIN upserted ON upserted."ExternalId" = input.ext
        """;

    // Names are distinct within a run, so a new customer is matched back to its row by name.
    const string FindOrAddByName = """
        WITH input AS (
            SELECT t.name, t.grp, t.ord,
                (SELECT c."Id" FROM "Customers" c WHERE c."Name" = t.name ORDER BY c."Id" LIMIT 1) AS found
            FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS t(name, grp, ord)),
        regrouped AS (
            UPDATE "Customers" c SET "GroupId" = input.grp FROM input WHERE c."Id" = input.found AND input.grp IS NOT NULL),
        added AS (
            INSERT INTO "Customers" ("Name", "GroupId") SELECT name, grp FROM input WHERE found IS NULL ORDER BY ord
            RETURNING "Id", "Name")
        SELECT input.ord, COALESCE(input.found, added."Id") FROM input LEFT JOIN added ON input.found IS NULL AND added."Name" = input.name
        """;
}
