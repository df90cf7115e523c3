using System.Globalization;
using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Grammar;

/// <summary>
/// Turns chat text into a <see cref="ChatCommand"/> with the grammar of the verb it starts with (see <see cref="Verbs"/>).
/// One grammar for every platform: adapters hand over plain text with mentions already rewritten to <c>&lt;@ID&gt;</c>.
/// Never throws; on failure the result says what was wrong in plain words and shows the right form.
/// </summary>
public static class CommandParser
{
    internal static IEnumerable<string> VerbNames => Verbs.Names;

    public static ParseResult Parse(string? text, ParseContext context)
    {
        try
        {
            return ParseUnguarded(text, context);
        }
        catch (Exception)
        {
            // Belt and braces for the chat loop: a parser bug must cost one reply, not the conversation.
            // Tests call ParseUnguarded so such a bug still fails loudly there.
            return ParseResult.Fail("Sorry, I couldn't read that command. Try `help`.");
        }
    }

    internal static ParseResult ParseUnguarded(string? text, ParseContext context)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty();
        if (text.Length > Limits.Message)
            return ParseResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"That message is too long ({text.Length:N0} characters); keep commands under {Limits.Message:N0}."));

        var today = context?.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        string? verb = null;
        try
        {
            var tokens = Tokenizer.Tokenize(StripPrefix(Tokenizer.Normalize(text)));
            if (tokens.Count == 0) return Empty();
            if (tokens[0].Key is not null) return UnknownVerb(tokens[0].Text);
            verb = tokens[0].Lower; // a quoted verb ("decide") is odd but unambiguous
            if (Verbs.Find(verb) is not { } known) return UnknownVerb(tokens[0].Text);
            return ParseResult.Ok(known.Parse(new CommandInput(verb, tokens.Skip(1).ToArray(), today)));
        }
        catch (ParseFailure failure)
        {
            return ParseResult.Fail(failure.Message, verb is null ? null : CommandCatalog.UsageFor(verb));
        }
    }

    static ParseResult Empty() => ParseResult.Fail("There's no command there. Try `help` to see what I can do.");

    static ParseResult UnknownVerb(string word)
    {
        var suggestion = DidYouMean.Suggest(word, Verbs.Names, allowPrefix: true);
        var hint = suggestion is null ? "Try `help`." : $"Did you mean `{suggestion}`?";
        return ParseResult.Fail($"I don't know the command '{DidYouMean.Echo(word)}'. {hint}",
            suggestion is null ? null : CommandCatalog.UsageFor(suggestion));
    }

    // "/cx commit ..." (a slash command) and "cx commit ..." (a channel message) read the same as "commit ...".
    static string StripPrefix(string text)
    {
        var s = text.TrimStart();
        foreach (var prefix in (string[])["/cx", "cx"])
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (s.Length == prefix.Length || char.IsWhiteSpace(s[prefix.Length])))
                return s[prefix.Length..];
        return s;
    }
}
