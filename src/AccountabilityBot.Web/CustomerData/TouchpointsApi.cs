using System.Text.Json;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Touchpoints;
using AccountabilityBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// POST /api/v1/touchpoints/{name}/values: one value <c>{"date", "value", "unit"?}</c>, an array of them, or
/// <c>{"values": [...]}</c>; or a CSV file (<see cref="TouchpointCsv"/>). All or nothing: any bad value (wrong unit, a
/// future day, not a number) refuses the batch with every problem listed; an unknown touchpoint is a 404. The watch
/// looks again once the values are in.
/// </summary>
public static class TouchpointsApi
{
    public static async Task<IResult> PostValuesAsync(string name, HttpContext http, TouchpointValues values, AppDbContext db,
        ICadenceScheduler scheduler, IOptions<ApiSettings> options, TimeProvider clock, BotSettings bot)
    {
        var settings = options.Value;
        var (body, refused) = await SignedJsonBody.ReadAsync(http, settings, clock, alsoAccepts: TouchpointCsv.MediaType);
        if (body is null) return refused!;
        var (touchpoint, unknown) = await values.FindAsync(name, http.RequestAborted);
        if (touchpoint is null) return ApiProblems.Status(StatusCodes.Status404NotFound, "No such touchpoint", unknown);
        var problems = new List<string>();
        var inputs = SignedJsonBody.IsOf(http.Request, TouchpointCsv.MediaType)
            ? await TouchpointCsv.ReadAsync(new MemoryStream(body), settings.MaxEventsPerRequest, problems, http.RequestAborted)
            : Read(body, settings.MaxEventsPerRequest, problems);
        var today = clock.Today(await TeamZone.FindAsync(db, bot, http.RequestAborted));
        if (inputs is not null)
            problems = [.. inputs.Select(v => TouchpointValues.Problem(touchpoint, v.Value, today) is { } p ? $"{v.Where}: {p}" : null).OfType<string>()];
        if (inputs is null || problems.Count > 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: problems[0],
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        var written = await values.WriteAsync(touchpoint, [.. inputs.Select(v => v.Value)], http.RequestAborted);
        await scheduler.RunNowAsync(CadenceKinds.Touchpoints, http.RequestAborted);
        return Results.Ok(new
        {
            touchpoint = Refs.Of(Refs.Touchpoint, touchpoint.Id), name = touchpoint.Name, inserted = written.Inserted, updated = written.Updated,
        });
    }

    /// <summary>The values, or null with what is wrong with the body's shape or an item's fields.</summary>
    static List<SentValue>? Read(byte[] body, int max, List<string> problems)
    {
        if (JsonInput.Problem(body) is { } bad) return Fail(bad, problems);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()]
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray()]
            : root.ValueKind == JsonValueKind.Object ? new List<JsonElement> { root } : null;
        if (items is null) return Fail("Send a value {\"date\": \"2026-12-04\", \"value\": 3.5}, an array of them, or {\"values\": [...]}.", problems);
        if (items.Count == 0) return Fail("There are no values in the body.", problems);
        if (items.Count > max) return Fail($"{items.Count:N0} values in one request; send at most {max:N0} at a time.", problems);
        var values = new List<SentValue>();
        foreach (var (item, i) in items.Select((e, i) => (e, i)))
        {
            if (Item(item) is { } value) values.Add(new SentValue($"values[{i}]", value));
            else problems.Add($"values[{i}]: needs \"date\" (YYYY-MM-DD) and a numeric \"value\"; \"unit\" is optional.");
        }
        return problems.Count == 0 ? values : null;
    }

    static TouchpointValueInput? Item(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        if (!e.TryGetProperty("date", out var d) || d.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", out var on))
            return null;
        if (!e.TryGetProperty("value", out var v)) return null;
        decimal? value = v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) ? n
            : v.ValueKind == JsonValueKind.String ? TouchpointUnits.Read(v.GetString()!, out _) : null;
        if (value is null) return null;
        var unit = e.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        return new TouchpointValueInput(on, value.Value, string.IsNullOrWhiteSpace(unit) ? null : unit);
    }

    static List<SentValue>? Fail(string problem, List<string> problems)
    {
        problems.Add(problem);
        return null;
    }
}
