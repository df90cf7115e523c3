namespace AccountabilityBot.Core.Domain;

/// <summary>Short human references: D-12, C-7, S-3, L-5, R-40, E-9, P-2, T-4, F-3.</summary>
public static class Refs
{
    public const char Decision = 'D', Commitment = 'C', Stop = 'S', LostStory = 'L', Resolution = 'R', Event = 'E', Prompt = 'P', Touchpoint = 'T',
        Pattern = 'F';
    static readonly char[] Known = [Decision, Commitment, Stop, LostStory, Resolution, Event, Prompt, Touchpoint, Pattern];

    public static string Of(char prefix, int id) => $"{prefix}-{id}";

    public static bool TryParse(string text, out char prefix, out int id)
    {
        prefix = default;
        id = 0;
        if (text.Length < 3 || text[1] != '-') return false;
        prefix = char.ToUpperInvariant(text[0]);
        return Array.IndexOf(Known, prefix) >= 0
            && int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.None, null, out id) && id > 0;
    }

    public static bool TryParse(string text, char expected, out int id) =>
        TryParse(text, out var prefix, out id) && prefix == expected;
}
