using System.Globalization;
using System.Text;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// Renders a neutral message as plain text for the local channel: one line per paragraph, field, item or row of
/// buttons, with "\n" line ends whatever the machine, so the same message always renders to the same string.
/// </summary>
public static class PlainTextRenderer
{
    public static string Render(ChatMessage m)
    {
        var lines = new List<string>();
        foreach (var block in m.Blocks) lines.AddRange(Lines(block));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// The message cut after each row of buttons: each part's text followed by its buttons, so a page can show a
    /// button right under the item it acts on.
    /// </summary>
    public static IReadOnlyList<(string Text, IReadOnlyList<ActionButton> Buttons)> RenderParts(ChatMessage m)
    {
        var parts = new List<(string, IReadOnlyList<ActionButton>)>();
        var lines = new List<string>();
        foreach (var block in m.Blocks)
        {
            if (block is ActionsBlock actions)
            {
                parts.Add((string.Join("\n", lines), actions.Buttons));
                lines.Clear();
            }
            else lines.AddRange(Lines(block));
        }
        if (lines.Count > 0) parts.Add((string.Join("\n", lines), []));
        return parts;
    }

    static IEnumerable<string> Lines(MessageBlock block) => block switch
    {
        HeaderBlock h => [h.Text, new string('=', Math.Max(3, new StringInfo(h.Text).LengthInTextElements))],
        TextBlock t => [Text(t.Text)],
        FieldsBlock f => f.Fields.Select(x => $"{x.Label}: {Text(x.Value)}"),
        ListBlock l => l.Items.Select(i => "• " + Text(i)),
        ActionsBlock a => [string.Join("  ", a.Buttons.Select(b => $"[{b.Label} → {b.Command.Replace(ActionButton.AnswerSlot, "…")}]"))],
        ContextBlock c => [Text(c.Text)],
        DividerBlock => ["---"],
        _ => throw new NotSupportedException($"The plain-text renderer does not know {block.GetType().Name}."),
    };

    static string Text(RichText text)
    {
        var sb = new StringBuilder();
        foreach (var span in text.Spans)
        {
            sb.Append(span switch
            {
                TextSpan t => t.Text,
                MentionSpan m => "@" + m.DisplayName,
                LinkSpan l => $"{l.Label} ({l.Url})",
                DateSpan d => d.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
                _ => throw new NotSupportedException($"The plain-text renderer does not know {span.GetType().Name}."),
            });
        }
        return sb.ToString();
    }
}
