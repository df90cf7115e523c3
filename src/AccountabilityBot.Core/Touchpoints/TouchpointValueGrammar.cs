using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>
/// <c>touchpoint value NAME NUMBER [UNIT] [on:DATE]</c>. The name may be quoted, a reference (T-1), or plain words: then
/// the last number is the value, so "First reply within 4 hours 3.5 hours" reads as the name, 3.5 and hours.
/// </summary>
internal static class TouchpointValueGrammar
{
    const string Example = "touchpoint value \"First reply within 4 hours\" 3.5 on:yesterday";

    public static TouchpointValueCommand Parse(Args args)
    {
        var rest = args.Rest;
        if (rest.Count == 0) throw new ParseFailure($"Which touchpoint, and what value? {Example}");
        var valueAt = rest[0].Quoted ? 1 : LastNumber(rest);
        if (valueAt <= 0)
            throw new ParseFailure(rest.Count == 1 || rest[0].Quoted
                ? $"What value? Put the number after the touchpoint's name: {Example}"
                : $"I couldn't find a number in that; {Example}");
        var name = Words.Join(rest.Take(valueAt), "touchpoint name", 200)!;
        if (valueAt >= rest.Count) throw new ParseFailure($"What value for {name}? {Example}");
        var number = TouchpointUnits.Read(rest[valueAt].Text, out var stuck)
            ?? throw new ParseFailure($"'{DidYouMean.Echo(rest[valueAt].Text)}' isn't a number; send the value as digits, like 3.5 or 97%.");
        var after = rest.Skip(valueAt + 1).ToList();
        if (stuck is not null && after.Count > 0 || after.Count > 2)
            throw new ParseFailure($"I didn't expect '{DidYouMean.Echo(after[0].Text)}' after the value; {Example}");
        var unit = stuck ?? Words.Join(after, "unit", 24);
        return new TouchpointValueCommand(name, number, unit, args.PastDate("on"));
    }

    static int LastNumber(IReadOnlyList<Grammar.Token> rest)
    {
        for (var i = rest.Count - 1; i > 0; i--)
            if (rest[i].IsPlain && TouchpointUnits.Read(rest[i].Text, out _) is not null) return i;
        return -1;
    }
}
