using System.Globalization;
using System.Text.RegularExpressions;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>
/// Numbers and units as people write a touchpoint's value: 3.5, 97%, 3.5h, "3.5 hours", 1,250. A unit is the same unit
/// in the plural, in a common short form (h, hrs, min, %) or in another case; anything else is another unit.
/// </summary>
public static partial class TouchpointUnits
{
    public const decimal Max = 1_000_000_000m;

    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["%"] = "percent", ["pct"] = "percent", ["per cent"] = "percent",
        ["h"] = "hour", ["hr"] = "hour", ["hrs"] = "hour",
        ["m"] = "minute", ["min"] = "minute", ["mins"] = "minute",
        ["s"] = "second", ["sec"] = "second", ["secs"] = "second",
        ["d"] = "day",
    };

    /// <summary>True when <paramref name="given"/> names the touchpoint's unit.</summary>
    public static bool Same(string unit, string given) => Canonical(unit) == Canonical(given);

    static string Canonical(string unit)
    {
        var u = unit.Trim().ToLowerInvariant();
        if (Aliases.TryGetValue(u, out var alias)) return alias;
        return u.Length > 3 && u.EndsWith('s') ? u[..^1] : u;
    }

    /// <summary>A number with an optional unit stuck to it ("97%", "3.5h"); null when the text is no number.</summary>
    public static decimal? Read(string text, out string? unit)
    {
        unit = null;
        var m = NumberWithUnit().Match(text.Trim().Replace('−', '-'));
        if (!m.Success) return null;
        if (!decimal.TryParse(m.Groups["n"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > Max) return null;
        unit = m.Groups["u"].Value is { Length: > 0 } u ? u : null;
        return value;
    }

    /// <summary>"3.5", "97", "1,250.25": at most two decimals, as stored.</summary>
    public static string Show(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>"3.5 hours", "97%": the unit after the number, or stuck to it when it is a sign.</summary>
    public static string Show(decimal value, string unit) => unit is "%" ? Show(value) + "%" : $"{Show(value)} {unit}";

    [GeneratedRegex(@"^(?<n>[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)(?<u>%|[A-Za-z]{1,12})?$")]
    private static partial Regex NumberWithUnit();
}
