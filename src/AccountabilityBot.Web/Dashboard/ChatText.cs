using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>The chat's own words on a page: what it marks as a command (<c>`scoreboard`</c>) shown as code, the rest as text.</summary>
public static class ChatText
{
    public static IHtmlContent Html(string words)
    {
        var html = new HtmlContentBuilder();
        var parts = words.Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts sit between backticks; an unpaired backtick leaves the last part as plain text.
            if (i % 2 == 1 && i < parts.Length - 1) html.AppendHtml($"<code>{HtmlEncoder.Default.Encode(parts[i])}</code>");
            else html.Append(i % 2 == 1 ? "`" + parts[i] : parts[i]);
        }
        return html;
    }
}
