using System.Text.Json.Nodes;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Renders the neutral message as Block Kit within Slack's limits, so Slack never refuses it: long text is split
/// across sections or trimmed with "…", surplus blocks end in "…and N more". Every message carries a fallback text.
/// </summary>
public static class BlockKit
{
    public const int MessageMaxBlocks = 50, SurfaceMaxBlocks = 100, HeaderMax = 150, SectionMax = 3000, FieldsPerSection = 10,
        FieldMax = 2000, ButtonTextMax = 75, ButtonValueMax = 2000, ActionIdMax = 255, ButtonsPerActions = 25, FallbackMax = 3000,
        ImageAltMax = 2000;

    /// <summary>action_id prefixes: run the button's command, or first ask the member for its answer in a modal.</summary>
    public const string RunAction = "cx_run", AskAction = "cx_ask";

    /// <param name="chartFiles">
    /// The uploaded picture of each chart (a Slack file id), shown as an image block; a chart without one shows only
    /// its text equivalent, which is written under the picture in either case.
    /// </param>
    public static JsonObject Message(ChatMessage m, Func<JarChartBlock, string?>? chartFiles = null) =>
        new() { ["text"] = Fallback(m), ["blocks"] = Blocks(m, MessageMaxBlocks, chartFiles) };

    public static JsonObject Home(ChatMessage m) => new() { ["type"] = "home", ["blocks"] = Blocks(m, SurfaceMaxBlocks) };

    public static string Fallback(ChatMessage m) =>
        SlackMrkdwn.Trim(SlackMrkdwn.Escape(m.FallbackText is { Length: > 0 } t ? t : "AccountabilityBot"), FallbackMax);

    public static JsonArray Blocks(ChatMessage m, int maxBlocks, Func<JarChartBlock, string?>? chartFiles = null)
    {
        var buttons = new ButtonCounter();
        var blocks = m.Blocks.SelectMany(b => Render(b, buttons, chartFiles)).ToList();
        if (blocks.Count > maxBlocks)
        {
            var hidden = blocks.Count - (maxBlocks - 1);
            blocks = [.. blocks.Take(maxBlocks - 1), Context($"_…and {hidden} more not shown here: Slack shows at most {maxBlocks} blocks._")];
        }
        return new JsonArray([.. blocks]);
    }

    sealed class ButtonCounter { public int Next; }

    static IEnumerable<JsonObject> Render(MessageBlock block, ButtonCounter buttons, Func<JarChartBlock, string?>? chartFiles) => block switch
    {
        HeaderBlock h when h.Text.Trim().Length > 0 => [new() { ["type"] = "header", ["text"] = Plain(SlackMrkdwn.Trim(h.Text.Trim(), HeaderMax)) }],
        HeaderBlock => [],
        TextBlock t => Sections(SlackMrkdwn.Render(t.Text)),
        ListBlock l => Sections(string.Join("\n", l.Items.Select(i => "• " + SlackMrkdwn.Render(i)))),
        FieldsBlock f => f.Fields.Chunk(FieldsPerSection).Select(chunk => new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray([.. chunk.Select(x =>
                (JsonNode)Mrkdwn(SlackMrkdwn.Trim($"*{SlackMrkdwn.Escape(x.Label)}*\n{SlackMrkdwn.Render(x.Value)}", FieldMax)))]),
        }),
        ActionsBlock a => a.Buttons.Select(b => Button(b, buttons.Next++)).OfType<JsonObject>().Chunk(ButtonsPerActions)
            .Select(row => new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. row]) }),
        ContextBlock c => SlackMrkdwn.Render(c.Text) is { Length: > 0 } text ? [Context(text)] : [],
        DividerBlock => [new() { ["type"] = "divider" }],
        JarChartBlock c => chartFiles?.Invoke(c) is { } file ? [Image(c, file), Context(SlackMrkdwn.Escape(c.Text))] : [Context(SlackMrkdwn.Escape(c.Text))],
        _ => throw new NotSupportedException($"The Slack renderer does not know {block.GetType().Name}."),
    };

    /// <summary>Sections of at most 3000 characters each, cut between lines; a single longer line is trimmed.</summary>
    static IEnumerable<JsonObject> Sections(string mrkdwn)
    {
        var chunk = new System.Text.StringBuilder();
        foreach (var line in mrkdwn.Split('\n').Select(l => SlackMrkdwn.Trim(l, SectionMax)))
        {
            if (chunk.Length > 0 && chunk.Length + 1 + line.Length > SectionMax)
            {
                yield return Section(chunk.ToString());
                chunk.Clear();
            }
            if (chunk.Length > 0) chunk.Append('\n');
            chunk.Append(line);
        }
        if (chunk.ToString().Trim().Length > 0) yield return Section(chunk.ToString());
    }

    static JsonObject? Button(ActionButton b, int index)
    {
        string value;
        if (b.AskFor is { } question)
        {
            // Escapes make the JSON longer than its parts, so shrink the question until the whole value fits.
            var keep = Math.Min(question.Length, FieldMax);
            value = AskValue(SlackMrkdwn.Trim(question, keep), b.Command);
            while (value.Length > ButtonValueMax && keep > 20)
            {
                keep = Math.Max(20, keep - (value.Length - ButtonValueMax));
                value = AskValue(SlackMrkdwn.Trim(question, keep), b.Command);
            }
            if (value.Length > ButtonValueMax) return null; // a command this long cannot ride on a button; the message text still says it
        }
        else if (b.Command.Length > ButtonValueMax) return null;
        else value = b.Command;

        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = Plain(SlackMrkdwn.Trim(b.Label, ButtonTextMax)),
            ["action_id"] = $"{(b.AskFor is null ? RunAction : AskAction)}_{index}",
            ["value"] = value,
        };
        if (b.Style != ButtonStyle.Default) button["style"] = b.Style == ButtonStyle.Primary ? "primary" : "danger";
        return button;
    }

    static string AskValue(string question, string command) => new JsonObject { ["q"] = question, ["c"] = command }.ToJsonString(SlackJson.Relaxed);

    /// <summary>An image block showing an uploaded file the bot owns (no public URL needed, so Socket Mode works).</summary>
    static JsonObject Image(JarChartBlock chart, string fileId) => new()
    {
        ["type"] = "image",
        ["slack_file"] = new JsonObject { ["id"] = fileId },
        ["alt_text"] = SlackMrkdwn.Trim(chart.AltText, ImageAltMax),
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackMrkdwn.Trim(chart.Title, ImageAltMax) },
    };

    static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };
    static JsonObject Context(string text) => new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(SlackMrkdwn.Trim(text, SectionMax))) };
    static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
