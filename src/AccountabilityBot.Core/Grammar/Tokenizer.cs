using System.Text;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Turns command text into <see cref="Token"/>s: words, quoted strings and <c>key:value</c> words.</summary>
internal static class Tokenizer
{
    /// <summary>
    /// Phones and rich-text clients send smart quotes, non-breaking spaces and invisible marks; fold them
    /// to plain forms so "“ACME”" and "ACME" read the same. Newlines survive because stories have paragraphs.
    /// </summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB') sb.Append('"');
            else if (c is '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032') sb.Append('\'');
            else if (IsInvisible(c)) continue;
            else if (c == '\n') sb.Append('\n');
            else if (c == '\r') continue;
            else if (char.IsControl(c) || char.IsWhiteSpace(c)) sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    // Zero-width spaces, BOMs and bidi marks: never typed on purpose, and they would hide a verb or a key.
    static bool IsInvisible(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u200E' or '\u200F' or '\u061C'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>Splits normalized text; throws <see cref="ParseFailure"/> for a double quote that never closes.</summary>
    public static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            if (IsQuote(s[i]) && TryReadQuoted(s, ref i, out var quoted))
            {
                tokens.Add(new Token(quoted, Quoted: true));
                continue;
            }
            var start = i;
            var word = ReadWord(s, ref i);
            var colon = word.IndexOf(':');
            if (colon <= 0 || !IsKey(word.AsSpan(0, colon)))
            {
                tokens.Add(new Token(word));
                continue;
            }
            var key = word[..colon].ToLowerInvariant();
            var value = word[(colon + 1)..];
            if (value.Length == 0 && i < s.Length && IsQuote(s[i]) && TryReadQuoted(s, ref i, out var quotedValue))
                tokens.Add(new Token(s[start..i], Key: key, Value: quotedValue, ValueQuoted: true));
            else
                tokens.Add(new Token(word, Key: key, Value: value));
        }
        return tokens;
    }

    static bool IsQuote(char c) => c is '"' or '\'';

    static bool IsKey(ReadOnlySpan<char> s) => s.Length is > 0 and <= 20 && !s.ContainsAnyExcept(Letters);

    static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    static bool TryReadQuoted(string s, ref int i, out string content)
    {
        var quote = s[i];
        var end = quote == '"' ? s.IndexOf('"', i + 1) : ClosingApostrophe(s, i + 1);
        content = "";
        if (end < 0)
        {
            if (quote == '"') throw new ParseFailure("There's an opening quote (\") without a closing one; add the closing quote.");
            return false; // a lone apostrophe ('90s) is just part of a word
        }
        content = s[(i + 1)..end].Trim();
        i = end + 1;
        return true;
    }

    // An apostrophe closes a single-quoted string only before a space or the end, so "don't" stays a word.
    static int ClosingApostrophe(string s, int from)
    {
        for (var j = from; j < s.Length; j++)
            if (s[j] == '\'' && (j + 1 == s.Length || char.IsWhiteSpace(s[j + 1]))) return j;
        return -1;
    }

    static string ReadWord(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '"')
        {
            // A mention may carry a display name with spaces: <@U1|Maria Lopez> is one word.
            if (s[i] == '<' && i + 1 < s.Length && s[i + 1] == '@' && MentionEnd(s, i) is var end && end > 0)
            {
                i = end + 1;
                continue;
            }
            i++;
            // key:'value' — stop so the single-quoted value is read as one string.
            if (s[i - 1] == ':' && i < s.Length && s[i] == '\'' && IsKey(s.AsSpan(start, i - 1 - start))) break;
        }
        return s[start..i];
    }

    static int MentionEnd(string s, int from)
    {
        for (var j = from + 2; j < s.Length && j < from + 120; j++)
        {
            if (s[j] == '>') return j;
            if (s[j] is '<' or '"' or '\n') return -1;
        }
        return -1;
    }
}
