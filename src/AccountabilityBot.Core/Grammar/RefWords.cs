using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Reads short references (C-7, also c7 or "C-7,") and explains them by kind in errors.</summary>
internal static class RefWords
{
    public static bool TryRead(string word, out char prefix, out int id)
    {
        var w = word.Trim().TrimEnd('.', ',', ';', '!', '?', ')');
        // Accept "C7" as well as "C-7": people drop the hyphen.
        if (w.Length >= 2 && char.IsAsciiLetter(w[0]) && char.IsAsciiDigit(w[1])) w = $"{w[0]}-{w[1..]}";
        return Refs.TryParse(w, out prefix, out id);
    }

    /// <summary>The id of a reference of the expected kind, or a friendly failure that names the verb.</summary>
    public static int Expect(Token? token, char expected, string verb)
    {
        var wanted = $"{verb} takes {Article(expected)} {Name(expected)} reference like {Example(expected)}";
        if (token is null) throw new ParseFailure(wanted + ".");
        if (!TryRead(token.Text, out var prefix, out var id))
            throw new ParseFailure($"{wanted} ('{DidYouMean.Echo(token.Text)}' isn't one).");
        if (prefix != expected)
            throw new ParseFailure($"{Refs.Of(prefix, id)} is {Article(prefix)} {Name(prefix)}; {wanted}.");
        return id;
    }

    public static string Name(char prefix) => prefix switch
    {
        Refs.Decision => "decision",
        Refs.Commitment => "commitment",
        Refs.Stop => "stop item",
        Refs.LostStory => "lost-story",
        Refs.Resolution => "resolution",
        Refs.Event => "event",
        Refs.Touchpoint => "touchpoint",
        Refs.Pattern => "frontline pattern",
        _ => "prompt",
    };

    public static string Example(char prefix) => prefix switch
    {
        Refs.Decision => "D-2",
        Refs.Commitment => "C-7",
        Refs.Stop => "S-3",
        Refs.LostStory => "L-5",
        Refs.Resolution => "R-4",
        Refs.Event => "E-1",
        Refs.Touchpoint => "T-1",
        Refs.Pattern => "F-1",
        _ => "P-4",
    };

    public static string Article(char prefix) => prefix == Refs.Event ? "an" : "a";
}
