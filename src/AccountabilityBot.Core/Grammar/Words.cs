using System.Globalization;
using System.Text;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Free text: titles, notes, customer names. Checked for length and for having real content.</summary>
internal static class Words
{
    /// <summary>Tokens joined with single spaces (quoted strings contribute their inside), or null when empty.</summary>
    public static string? Join(IEnumerable<Token> tokens, string label, int max)
    {
        var text = string.Join(' ', tokens.Select(t => t.Text).Where(t => t.Length > 0));
        return text.Length == 0 ? null : Clean(text, label, max);
    }

    /// <summary>
    /// Trims, then collapses whitespace in short texts (titles read on one line) but keeps the line breaks
    /// of long ones (stories have paragraphs).
    /// </summary>
    public static string Clean(string text, string label, int max)
    {
        var s = max <= Limits.Title ? Collapse(text) : text.Trim();
        if (s.Length > max)
            throw new ParseFailure(string.Create(CultureInfo.InvariantCulture,
                $"The {label} is too long ({s.Length:N0} characters); keep it under {max:N0}."));
        if (!s.Any(char.IsLetterOrDigit))
            throw new ParseFailure($"The {label} needs at least one letter or number.");
        return s;
    }

    static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
            if (!char.IsWhiteSpace(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }
}
