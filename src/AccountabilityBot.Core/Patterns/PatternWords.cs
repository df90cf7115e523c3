namespace AccountabilityBot.Core.Patterns;

/// <summary>
/// The significant words of a resolution, simple enough to explain in the post: lowercased, punctuation and apostrophes
/// dropped, words with digits, words under three letters and common words (English's, and the frontline's own verbs such
/// as "called", "sent", "customer") left out, plurals made singular. Two fixes are alike when they share such words.
/// </summary>
public static class PatternWords
{
    public const int MinLength = 3, MaxLength = 40;

    public const string Explained = "lowercased, punctuation, numbers, short and common words dropped, plurals singular";

    static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "but", "not", "nor", "yet", "with", "without", "from", "into", "onto", "over", "under", "after", "before",
        "about", "again", "against", "all", "any", "are", "was", "were", "been", "being", "have", "has", "had", "having", "did", "does",
        "doing", "done", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "our", "ours", "their", "theirs",
        "they", "them", "this", "that", "these", "those", "there", "then", "than", "when", "where", "which", "while", "who", "whom",
        "why", "how", "what", "its", "his", "her", "hers", "him", "she", "you", "your", "yours", "out", "off", "too", "very", "just",
        "also", "only", "own", "same", "such", "some", "each", "few", "more", "most", "other", "both", "here", "once", "until",
        "because", "through", "during", "between", "per", "via", "got", "get", "gets", "let", "lets", "made", "make", "way", "back",
        "today", "yesterday", "tomorrow", "day", "week", "still", "even", "instead", "new", "one", "two", "three", "asap",
        // the frontline's own words for fixing anything: they say nothing about what went wrong
        "customer", "client", "clinic", "practice", "called", "call", "phoned", "phone", "emailed", "email", "sent", "send", "gave", "give",
        "fixed", "fix", "helped", "help", "sorted", "resolved", "resolve", "issue", "problem", "handled", "dealt", "asked", "told",
        "explained", "confirmed", "apologised", "apologized", "offered", "ticket", "request", "team", "person",
    };

    /// <summary>Distinct significant words in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var words = new List<string>();
        var span = text.AsSpan();
        Span<char> buffer = stackalloc char[MaxLength + 1];
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetterOrDigit(span[i])) { i++; continue; }
            var (length, digits, tooLong) = (0, false, false);
            for (; i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] is '\'' or '’'); i++)
            {
                if (span[i] is '\'' or '’') continue;
                digits |= char.IsDigit(span[i]);
                if (length <= MaxLength) buffer[length++] = char.ToLowerInvariant(span[i]);
                else tooLong = true;
            }
            if (digits || tooLong || length < MinLength || length > MaxLength) continue;
            var word = Singular(new string(buffer[..length]));
            if (!Common.Contains(word) && !words.Contains(word)) words.Add(word);
        }
        return words;
    }

    /// <summary>A light stem: the plural s only (boxes → box, deliveries → delivery, gloves → glove; glass and status stay).</summary>
    public static string Singular(string word)
    {
        if (word.Length <= 3 || word[^1] != 's' || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        return word[..^1];
    }
}
