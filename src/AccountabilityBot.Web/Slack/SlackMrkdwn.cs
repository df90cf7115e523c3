using System.Text;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>Neutral rich text as Slack mrkdwn: only &amp; &lt; &gt; escaped, real mentions, dates in the reader's zone.</summary>
public static class SlackMrkdwn
{
    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Render(RichText text)
    {
        var sb = new StringBuilder();
        foreach (var span in text.Spans) sb.Append(Render(span));
        return sb.ToString();
    }

    public static string Render(Span span) => span switch
    {
        TextSpan { Bold: true } t => Bold(t.Text),
        TextSpan t => Escape(t.Text),
        MentionSpan { Platform: ChatPlatform.Slack } m => $"<@{m.PlatformUserId}>",
        MentionSpan m => "@" + Escape(m.DisplayName),
        LinkSpan l when l.Url.IndexOfAny(['<', '>', '|', ' ']) < 0 => $"<{l.Url}|{Escape(l.Label).Replace("|", "¦")}>",
        LinkSpan l => Escape($"{l.Label} ({l.Url})"),
        DateSpan d => Date(d.Date),
        _ => throw new NotSupportedException($"The Slack renderer does not know {span.GetType().Name}."),
    };

    /// <summary>
    /// Noon UTC of the day: Slack shows it as that calendar day in every zone from UTC-11 to UTC+11, and the
    /// fallback (for old clients and notifications) names the day outright.
    /// </summary>
    public static string Date(DateOnly date)
    {
        var unix = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();
        return $"<!date^{unix}^{{date_short_pretty}}|{Format.Date(date)}>";
    }

    // mrkdwn bold needs the asterisks against the words, so surrounding spaces stay outside them.
    static string Bold(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return Escape(text);
        var start = text.IndexOf(trimmed, StringComparison.Ordinal);
        return text[..start] + "*" + Escape(trimmed) + "*" + text[(start + trimmed.Length)..];
    }

    /// <summary>Cuts text to at most <paramref name="max"/> characters, ending in "…", never inside a &lt;…&gt; token or a surrogate pair.</summary>
    public static string Trim(string s, int max)
    {
        if (s.Length <= max) return s;
        var cut = max - 1;
        var open = s.LastIndexOf('<', cut - 1);
        if (open >= 0 && s.IndexOf('>', open) >= cut) cut = open;
        var amp = s.LastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 5 && s.IndexOf(';', amp) >= cut) cut = amp;
        if (cut > 0 && char.IsHighSurrogate(s[cut - 1])) cut--;
        return s[..cut] + "…";
    }
}
