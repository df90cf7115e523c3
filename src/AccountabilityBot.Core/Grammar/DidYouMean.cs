namespace AccountabilityBot.Core.Grammar;

/// <summary>Finds the word someone probably meant: close by edit distance, or (optionally) a prefix.</summary>
internal static class DidYouMean
{
    /// <summary>
    /// The closest candidate, or null. Short words allow one edit, longer ones two: with two edits
    /// "to" would match "re" and "on", and prose would keep tripping option checks.
    /// </summary>
    public static string? Suggest(string word, IEnumerable<string> candidates, bool allowPrefix = false)
    {
        if (word.Length == 0 || word.Length > 40) return null;
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == lower) continue;
            var distance = Distance(lower, candidate);
            var limit = Math.Min(lower.Length, candidate.Length) <= 3 ? 1 : 2;
            var score = distance <= limit ? distance * 2
                : allowPrefix && lower.Length >= 2 && candidate.StartsWith(lower, StringComparison.Ordinal) ? 5
                : int.MaxValue;
            if (score < bestScore) (best, bestScore) = (candidate, score);
        }
        return best;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute each cost one).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>" Did you mean `x`?" or the fallback, ready to append to an error.</summary>
    public static string Hint(string word, IEnumerable<string> candidates, string fallback, bool allowPrefix = false) =>
        Suggest(word, candidates, allowPrefix) is { } s ? $" Did you mean `{s}`?" : fallback.Length == 0 ? "" : " " + fallback;

    /// <summary>Echoes user text safely: short, and without backticks that would break chat formatting.</summary>
    public static string Echo(string text)
    {
        var clean = text.Replace('`', '\'').Replace('\n', ' ');
        if (clean.Length <= 40) return clean;
        var cut = char.IsHighSurrogate(clean[38]) ? 38 : 39; // never split an emoji in half
        return clean[..cut] + "…";
    }
}
