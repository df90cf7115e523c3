using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>One value as it arrives (chat, API, CSV): the day, the number, and the unit if the sender named one.</summary>
public sealed record TouchpointValueInput(DateOnly On, decimal Value, string? Unit);

/// <summary>What a batch of values did: new days, days whose value was replaced.</summary>
public sealed record TouchpointValuesWritten(int Inserted, int Updated);

/// <summary>
/// Finds touchpoints by name or reference and records their values, the same rules for chat and the API: the unit, if
/// given, must be the touchpoint's; no day after today; one value per day, a later one replacing it.
/// </summary>
public sealed class TouchpointValues(AppDbContext db, TimeProvider clock)
{
    /// <summary>The touchpoint called <paramref name="name"/> (any case, or T-n), else null with what the sender may have meant.</summary>
    public async Task<(Touchpoint? Found, string? Problem)> FindAsync(string name, CancellationToken ct)
    {
        var wanted = name.Trim();
        if (RefWords.TryRead(wanted, out var prefix, out var id) && prefix == Refs.Touchpoint)
            return await db.Touchpoints.Include(t => t.Owner).Include(t => t.Stage).SingleOrDefaultAsync(t => t.Id == id, ct) is { } byRef
                ? (byRef, null) : (null, $"There is no touchpoint {Refs.Of(Refs.Touchpoint, id)}. `touchpoints` lists them.");
        var all = await db.Touchpoints.Include(t => t.Owner).Include(t => t.Stage).ToListAsync(ct);
        var found = all.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase));
        if (found is not null) return (found, null);
        var starting = all.Where(t => t.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (starting.Count == 1 && wanted.Length >= 3) return (starting[0], null);
        var names = all.Select(t => t.Name.ToLowerInvariant()).ToList();
        var near = DidYouMean.Suggest(wanted, names, allowPrefix: true) is { } s ? all.First(t => t.Name.Equals(s, StringComparison.OrdinalIgnoreCase)) : null;
        var hint = near is not null ? $" Did you mean `{near.Name}`?"
            : all.Count == 0 ? " None are named yet; the CCO adds them with `touchpoint add`."
            : " `touchpoints` lists them.";
        return (null, $"There is no touchpoint called '{DidYouMean.Echo(wanted)}'.{hint}");
    }

    public async Task<Touchpoint> RequireAsync(string name, CancellationToken ct)
    {
        var (found, problem) = await FindAsync(name, ct);
        return found ?? throw new CommandRejectedException(problem!);
    }

    /// <summary>Why <paramref name="value"/> can't be recorded for <paramref name="touchpoint"/> by <paramref name="today"/>; null when it can.</summary>
    public static string? Problem(Touchpoint touchpoint, TouchpointValueInput value, DateOnly today)
    {
        if (value.Unit is { } unit && !TouchpointUnits.Same(touchpoint.Unit, unit))
            return $"{touchpoint.Name} is measured in {touchpoint.Unit}, not {DidYouMean.Echo(unit)}; send the value in {touchpoint.Unit}.";
        if (value.On > today)
            return $"{value.On:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}); record a value for a day that has happened.";
        if (Math.Abs(value.Value) > TouchpointUnits.Max) return $"{TouchpointUnits.Show(value.Value)} is too large for a touchpoint's value.";
        return null;
    }

    /// <summary>Writes the values (checked beforehand with <see cref="Problem"/>); a day given twice keeps its last value.</summary>
    public async Task<TouchpointValuesWritten> WriteAsync(Touchpoint touchpoint, IReadOnlyList<TouchpointValueInput> values, CancellationToken ct)
    {
        var last = values.GroupBy(v => v.On).ToDictionary(g => g.Key, g => Math.Round(g.Last().Value, 2, MidpointRounding.AwayFromZero));
        var days = last.Keys.ToList();
        var existing = await db.TouchpointValues.Where(v => v.TouchpointId == touchpoint.Id && days.Contains(v.On)).ToDictionaryAsync(v => v.On, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (on, value) in last)
        {
            if (existing.TryGetValue(on, out var row))
            {
                row.Value = value;
                row.RecordedAt = now;
            }
            else db.TouchpointValues.Add(new TouchpointValue { TouchpointId = touchpoint.Id, On = on, Value = value, RecordedAt = now });
        }
        await db.SaveChangesAsync(ct);
        return new TouchpointValuesWritten(last.Count - existing.Count, existing.Count);
    }
}
