using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Grammar;

/// <summary>
/// The words after a verb, split into the options that verb knows and everything else (free text).
/// Typed getters turn option values into domain values or throw a friendly <see cref="ParseFailure"/>.
/// </summary>
internal sealed class Args(IReadOnlyDictionary<string, string> options, IReadOnlyList<Token> rest, DateOnly today)
{
    /// <summary>The tokens that were not options, in order.</summary>
    public IReadOnlyList<Token> Rest => rest;

    public bool Has(string key) => options.ContainsKey(key);

    /// <summary>The non-option words as one text, or null when there are none.</summary>
    public string? FreeText(string label, int max) => Words.Join(rest, label, max);

    public string? Text(string key, int max) =>
        options.TryGetValue(key, out var v) ? Words.Clean(v, key, max) : null;

    /// <summary>A short value that may be a sign alone, such as a unit (%).</summary>
    public string? Symbol(string key, int max) =>
        !options.TryGetValue(key, out var v) ? null
        : v.Trim().Length <= max ? v.Trim() : throw new ParseFailure($"{key}: is too long; keep it under {max} characters.");

    public MemberRef? Member(string key) =>
        !options.TryGetValue(key, out var v) ? null
        : Mentions.Read(v) ?? throw new ParseFailure($"{key}: must be {Mentions.Hint}; '{DidYouMean.Echo(v)}' isn't one.");

    /// <summary>Any known reference (L-5, S-3, D-2, C-9, R-4, E-1, P-2), normalised to upper case.</summary>
    public string? Reference(string key)
    {
        if (!options.TryGetValue(key, out var v)) return null;
        if (RefWords.TryRead(v, out var prefix, out var id)) return Domain.Refs.Of(prefix, id);
        throw new ParseFailure($"{key}: takes a reference like L-5, D-2 or C-9; '{DidYouMean.Echo(v)}' isn't one.");
    }

    public decimal? Amount(string key) =>
        !options.TryGetValue(key, out var v) ? null
        : Amounts.Read(v, key, out var problem) ?? throw new ParseFailure(problem!);

    public string? Zone(string key) => options.TryGetValue(key, out var v) ? ClockWords.ReadZone(v) : null;

    /// <summary>A date from today up to five years ahead (due dates, review dates).</summary>
    public DateOnly? FutureDate(string key, string label)
    {
        if (Date(key) is not { } date) return null;
        if (date < today) throw new ParseFailure($"{label} {Iso(date)} is in the past");
        if (date > DateMath.FiveYearsFrom(today)) throw new ParseFailure($"{label} {Iso(date)} is more than 5 years away; pick something sooner");
        return date;
    }

    /// <summary>A date that has already happened, or today (when a customer was won or lost).</summary>
    public DateOnly? PastDate(string key)
    {
        if (Date(key) is not { } date) return null;
        if (date > today) throw new ParseFailure($"{key}: {Iso(date)} is in the future; use the day it happened (yesterday, last friday or 2026-01-15)");
        return date;
    }

    DateOnly? Date(string key)
    {
        if (!options.TryGetValue(key, out var v)) return null;
        return DateWords.Read(v, today, out var problem)
            ?? throw new ParseFailure(problem ?? $"I couldn't read '{DidYouMean.Echo(v)}' as a date; try {key}:friday, {key}:2026-12-15 or {key}:in 2 weeks");
    }

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
