using System.Globalization;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Money as people type it: 36000, 36,000, $36,000, 36k, 1.5m, 25.50. Always invariant culture.</summary>
internal static class Amounts
{
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>The amount, or null with a friendly problem naming the option (<paramref name="label"/>).</summary>
    public static decimal? Read(string text, string label, out string? problem)
    {
        problem = null;
        var s = text.Trim();
        var negative = s.StartsWith('-') || s.StartsWith("$-") || s.StartsWith("€-") || s.StartsWith("£-");
        s = s.TrimStart('-', '$', '€', '£');
        if (s.Length is 0 or > 40) return Bad(label, out problem);

        var multiplier = char.ToLowerInvariant(s[^1]) switch { 'k' => 1_000m, 'm' => 1_000_000m, 'b' => 1_000_000_000m, _ => 1m };
        if (multiplier != 1m) s = s[..^1];
        if (s.Length == 0 || !ValidGrouping(s)) return Bad(label, out problem);

        const NumberStyles Style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;
        if (!decimal.TryParse(s, Style, CultureInfo.InvariantCulture, out var number))
        {
            // Digits that overflow decimal are still "a number", just far too big.
            if (s.Replace(",", "").Split('.')[0] is { Length: > 20 } whole && whole.All(char.IsAsciiDigit)) return TooLarge(label, out problem);
            return Bad(label, out problem);
        }
        if (negative && number != 0)
        {
            problem = $"{label} can't be negative";
            return null;
        }
        if (number > Max / multiplier) return TooLarge(label, out problem);
        return number * multiplier;
    }

    // Commas only as thousands separators (36,000 or 1,250,000.50): "3,60" is more likely a typo than 360.
    static bool ValidGrouping(string s)
    {
        var parts = s.Split('.');
        if (parts.Length > 2 || parts.Length == 2 && parts[1].Contains(',')) return false;
        if (!s.Contains(',')) return true;
        var whole = parts[0].Split(',');
        return whole[0].Length is >= 1 and <= 3 && whole.Skip(1).All(g => g.Length == 3);
    }

    static decimal? Bad(string label, out string problem)
    {
        problem = $"{label} must be a number like 36000 ('36k' and '$36,000' work too)";
        return null;
    }

    static decimal? TooLarge(string label, out string problem)
    {
        problem = $"{label} is too large; the most I accept is 1,000,000,000,000";
        return null;
    }
}
