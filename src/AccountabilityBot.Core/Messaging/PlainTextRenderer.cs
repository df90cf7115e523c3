using System.Globalization;

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

    /// <summary>The words only, without buttons, rules or underlines: a platform's notification fallback.</summary>
    public static string Words(ChatMessage m) => string.Join("\n", m.Blocks
        .Where(b => b is not (ActionsBlock or DividerBlock))
        .SelectMany(b => b is HeaderBlock h ? [h.Text] : Lines(b))
        .Where(line => line.Length > 0));

    /// <summary>
    /// The message cut after each row of buttons and before each chart's text: each part's text followed by its chart
    /// (if any) and its buttons, so a page can show a button right under the item it acts on, and a chart's picture
    /// right above the words that say what it shows.
    /// </summary>
    public static IReadOnlyList<(string Text, IReadOnlyList<ActionButton> Buttons, JarChartBlock? Chart)> RenderParts(ChatMessage m)
    {
        var parts = new List<(string, IReadOnlyList<ActionButton>, JarChartBlock?)>();
        var lines = new List<string>();
        foreach (var block in m.Blocks)
        {
            if (block is ActionsBlock actions)
            {
                parts.Add((string.Join("\n", lines), actions.Buttons, null));
                lines.Clear();
                continue;
            }
            if (block is JarChartBlock chart)
            {
                parts.Add((string.Join("\n", lines), [], chart));
                lines.Clear();
            }
            lines.AddRange(Lines(block));
        }
        if (lines.Count > 0) parts.Add((string.Join("\n", lines), [], null));
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
        JarChartBlock c => [c.Text],
        _ => throw new NotSupportedException($"The plain-text renderer does not know {block.GetType().Name}."),
    };

    static string Text(RichText text) => text.ToPlainText();
}
