using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Grammar;

/// <summary>
/// Member references: <c>@maria</c> (by name), <c>&lt;@U123&gt;</c> or <c>&lt;@U123|maria&gt;</c> (by platform id,
/// the neutral form every adapter rewrites its mentions into) and <c>me</c>.
/// </summary>
internal static class Mentions
{
    public static MemberRef? Read(string text)
    {
        var s = text.Trim();
        if (s.Equals("me", StringComparison.OrdinalIgnoreCase)) return MemberRef.Self;
        if (s.Length > 2 && s.StartsWith("<@", StringComparison.Ordinal) && s.EndsWith('>')) return ById(s[2..^1]);
        if (s.Length > 1 && s[0] == '@' && IsName(s.AsSpan(1))) return MemberRef.ByName(s[1..]);
        return null;
    }

    static MemberRef? ById(string inner)
    {
        var bar = inner.IndexOf('|');
        var id = bar < 0 ? inner : inner[..bar];
        var name = bar < 0 ? null : inner[(bar + 1)..].Trim();
        if (id.Length == 0 || id.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '@' or '|')) return null;
        return MemberRef.ById(id, string.IsNullOrEmpty(name) ? null : name);
    }

    static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Length > 80) return false;
        foreach (var c in name)
            if (!char.IsLetterOrDigit(c) && c is not ('.' or '_' or '-')) return false;
        return true;
    }

    public const string Hint = "a person like @maria, <@U123ABC> or me";
}
