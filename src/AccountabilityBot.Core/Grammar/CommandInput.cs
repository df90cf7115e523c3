namespace AccountabilityBot.Core.Grammar;

/// <summary>What a verb handler gets: the words after the verb, and the speaker's today.</summary>
internal sealed record CommandInput(string Verb, IReadOnlyList<Token> Words, DateOnly Today)
{
    // Date options may run over several unquoted words: due:in 2 weeks, due:next monday, due:dec 15 2027.
    static readonly HashSet<string> DateKeys = ["due", "review", "on", "from", "until"];

    /// <summary>Splits the words from <paramref name="skip"/> on into the verb's options and the rest.</summary>
    public Args Read(int skip, params string[] keys)
    {
        var options = new Dictionary<string, string>();
        var rest = new List<Token>();
        for (var i = skip; i < Words.Count; i++)
        {
            var token = Words[i];
            if (token.Key is not { } key || !keys.Contains(key))
            {
                // Only a word that carries a value can be a mistyped option; "note: 3pm" in a title is prose.
                if (token.Key is not null && token.Value is { Length: > 0 } && DidYouMean.Suggest(token.Key, keys) is { } near)
                    throw new ParseFailure($"Unknown option '{token.Key}:' — did you mean '{near}:'?");
                rest.Add(token);
                continue;
            }
            if (options.ContainsKey(key)) throw new ParseFailure($"You gave {key}: twice; keep just one.");
            var value = token.Value!.Trim();
            if (value.Length == 0)
                throw new ParseFailure($"{key}: needs a value right after the colon, like {key}:{ExampleValue(key)}");
            if (DateKeys.Contains(key) && !token.ValueQuoted)
            {
                var used = DatePhraseLength(value, i);
                value = string.Join(' ', Words.Skip(i + 1).Take(used - 1).Select(t => t.Text).Prepend(value));
                i += used - 1;
            }
            options[key] = value;
        }
        return new Args(options, rest, Today);
    }

    public Args Read(params string[] keys) => Read(0, keys);

    /// <summary>How many words (the value plus plain words after it) make the longest date phrase; at least 1.</summary>
    int DatePhraseLength(string value, int index)
    {
        var words = new List<string> { value };
        for (var j = index + 1; j < Words.Count && words.Count < DateWords.MaxWords && Words[j].IsPlain; j++) words.Add(Words[j].Text);
        for (var n = words.Count; n > 1; n--)
        {
            // A phrase that is date-shaped but not real ("feb 30") still claims its words, so the error names it.
            if (DateWords.Read(string.Join(' ', words.Take(n)), Today, out var problem) is not null || problem is not null) return n;
        }
        // "due:in 2 fortnights" is no date, but the error should quote the whole phrase, not just "in".
        var starter = value.ToLowerInvariant() switch { "in" or "end" => 3, "next" or "last" => 2, _ => 1 };
        return Math.Min(starter, words.Count);
    }

    /// <summary>Fails when a verb that takes nothing more was given more.</summary>
    public void ExpectNothingAfter(int count, string form)
    {
        if (Words.Count > count)
            throw new ParseFailure($"`{form}` doesn't take anything else; I didn't expect '{DidYouMean.Echo(Words[count].Text)}'.");
    }

    static string ExampleValue(string key) => key switch
    {
        "owner" => "@maria",
        "due" or "review" => "friday",
        "from" or "until" => "dec 28",
        "on" => "yesterday",
        "re" => "L-5",
        "value" or "cost" => "36000",
        "tz" => "Europe/Paris",
        "stage" or "after" => "Onboard",
        _ => "\"a few words\"",
    };
}
