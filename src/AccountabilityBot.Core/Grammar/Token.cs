namespace AccountabilityBot.Core.Grammar;

/// <summary>
/// One word of a command. A quoted string is one token with its spaces kept. A <c>key:value</c> word carries
/// the split, but whether <c>key</c> is an option is decided per verb: <c>https://x</c> or "note:" in a title
/// must stay plain text.
/// </summary>
/// <param name="Text">The word as typed, or the inside of a quoted string.</param>
/// <param name="Quoted">True for a quoted string.</param>
/// <param name="Key">Lower-cased letters before the first colon, when the word has that shape.</param>
/// <param name="Value">What follows the colon (the inside of the quotes for <c>key:"value"</c>).</param>
internal sealed record Token(string Text, bool Quoted = false, string? Key = null, string? Value = null, bool ValueQuoted = false)
{
    /// <summary>A plain word: neither quoted nor shaped like an option.</summary>
    public bool IsPlain => !Quoted && Key is null;

    public string Lower => Text.ToLowerInvariant();
}
