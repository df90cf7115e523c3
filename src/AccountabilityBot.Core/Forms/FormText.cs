namespace AccountabilityBot.Core.Forms;

/// <summary>
/// The one rule for turning what someone typed into a form into command text, so a field's words are read as that
/// field's value and never as grammar: no value can end a quoted value, start an option or add a line.
/// </summary>
public static class FormText
{
    // The tokenizer reads every one of these as a double quote, so each would end a quoted value.
    static readonly char[] DoubleQuotes = ['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB'];
    static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];
    const string BareSymbols = "-_./:+@<>,";

    /// <summary>One line, double quotes made apostrophes, trimmed; empty (or nothing) is null: the field was left out.</summary>
    public static string? Clean(string? typed)
    {
        if (typed is null) return null;
        foreach (var quote in DoubleQuotes) typed = typed.Replace(quote, '\'');
        var line = string.Join(' ', typed.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
        return line.Length > 0 ? line : null;
    }

    /// <summary>A person as the grammar reads one: a mention or me as it is, a bare name with an @ before it.</summary>
    public static string? Person(string? cleaned) =>
        cleaned is null || cleaned.StartsWith('@') || cleaned.StartsWith("<@", StringComparison.Ordinal)
            || cleaned.Equals("me", StringComparison.OrdinalIgnoreCase) ? cleaned : "@" + cleaned;

    /// <summary>Free text in double quotes (a cleaned value has none of its own).</summary>
    public static string Quote(string cleaned) => $"\"{cleaned}\"";

    /// <summary>A single word as it is (a date, a number, a reference), anything else quoted, so it stays one value.</summary>
    public static string Word(string cleaned) => IsBare(cleaned) ? cleaned : Quote(cleaned);

    // No spaces and no quotes: the tokenizer reads it as one word, whatever follows.
    static bool IsBare(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || BareSymbols.Contains(c));
}
