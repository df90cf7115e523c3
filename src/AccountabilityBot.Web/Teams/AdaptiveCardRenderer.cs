using System.Text;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>One Adaptive Card (schema 1.5, no Teams extensions yet) and the Teams mentions its text uses.</summary>
public sealed record RenderedCard(JsonObject Card, IReadOnlyList<MentionSpan> Mentions)
{
    /// <summary>The card as Teams takes it: full width, with mention entities for each &lt;at&gt;Name&lt;/at&gt;.</summary>
    public JsonObject ToTeamsCard()
    {
        var card = (JsonObject)Card.DeepClone();
        var teams = new JsonObject { ["width"] = "Full" };
        if (Mentions.Count > 0)
            teams["entities"] = new JsonArray(Mentions.Select(m => (JsonNode)new JsonObject
            {
                ["type"] = "mention",
                ["text"] = AdaptiveCardRenderer.MentionTag(m),
                ["mentioned"] = new JsonObject { ["id"] = m.PlatformUserId, ["name"] = m.DisplayName },
            }).ToArray());
        card["msteams"] = teams;
        return card;
    }
}

/// <summary>
/// Renders the neutral message as Adaptive Cards 1.5 for Teams. Buttons sit right under the text they act on
/// (an ActionSet in the body); a button that asks first opens an input (Action.ShowCard with Input.Text). A long
/// message is split into several cards, each well under the bot message limit (100 KB in UTF-16; we keep to 80 KB).
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    /// <summary>80 KB of UTF-16 is 40,960 characters; leave room for the activity envelope and the msteams entities.</summary>
    public const int MaxCardChars = 36_000;
    public const string CommandKey = "command";
    public const string AnswerInputKey = "answerInput";

    /// <param name="chartUrls">
    /// Where Teams can fetch each chart's picture (a signed link to this bot); a chart without one shows only its
    /// text equivalent, which is written under the picture in either case.
    /// </param>
    public static IReadOnlyList<RenderedCard> Render(ChatMessage message, Func<JarChartBlock, string?>? chartUrls = null)
    {
        var cards = new List<RenderedCard>();
        var body = new List<JsonObject>();
        var mentions = new List<MentionSpan>();
        var size = 0;
        var separatorNext = false;
        var inputs = 0;
        foreach (var block in message.Blocks)
        {
            if (block is DividerBlock) { separatorNext = body.Count > 0; continue; }
            var blockMentions = new List<MentionSpan>();
            var element = block is JarChartBlock chart ? Chart(chart, chartUrls?.Invoke(chart)) : Element(block, blockMentions, ref inputs);
            if (separatorNext) element["separator"] = true;
            separatorNext = false;
            var elementSize = element.ToJsonString().Length;
            if (body.Count > 0 && size + elementSize > MaxCardChars)
            {
                cards.Add(Card(body, mentions));
                body = [];
                mentions = [];
                size = 0;
            }
            body.Add(elementSize > MaxCardChars ? Truncated(element) : element);
            mentions.AddRange(blockMentions.Where(m => !mentions.Any(x => x.PlatformUserId == m.PlatformUserId)));
            size += elementSize;
        }
        if (body.Count > 0 || cards.Count == 0) cards.Add(Card(body, mentions));
        return cards;
    }

    static RenderedCard Card(List<JsonObject> body, List<MentionSpan> mentions) => new(new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = Version,
        ["body"] = new JsonArray(body.Select(b => (JsonNode)b).ToArray()),
    }, mentions.DistinctBy(m => m.PlatformUserId).ToList());

    static JsonObject Element(MessageBlock block, List<MentionSpan> mentions, ref int inputs) => block switch
    {
        HeaderBlock h => Text(Escape(h.Text), ("size", "Large"), ("weight", "Bolder"), ("style", "heading")),
        TextBlock t => Text(Markdown(t.Text, mentions)),
        FieldsBlock f => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray(f.Fields.Select(x => (JsonNode)new JsonObject
            {
                ["title"] = Escape(x.Label),
                ["value"] = Markdown(x.Value, mentions),
            }).ToArray()),
        },
        // Teams lists: "- item" lines separated by \r.
        ListBlock l => Text(string.Join("\r", l.Items.Select(i => "- " + Markdown(i, mentions).Replace("\n\n", " ")))),
        ActionsBlock a => new JsonObject { ["type"] = "ActionSet", ["actions"] = Actions(a.Buttons, ref inputs) },
        ContextBlock c => Text(Markdown(c.Text, mentions), ("size", "Small"), ("isSubtle", true)),
        _ => throw new NotSupportedException($"The Adaptive Card renderer does not know {block.GetType().Name}."),
    };

    static JsonObject Chart(JarChartBlock chart, string? url)
    {
        var words = Text(Escape(chart.Text), ("size", "Small"), ("isSubtle", true));
        if (url is null) return words;
        var image = new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = chart.AltText, ["size"] = "Stretch" };
        return new JsonObject { ["type"] = "Container", ["items"] = new JsonArray(image, words) };
    }

    static JsonArray Actions(IReadOnlyList<ActionButton> buttons, ref int inputs)
    {
        var actions = new JsonArray();
        foreach (var b in buttons)
        {
            if (b.AskFor is null)
            {
                actions.Add(Submit(b.Label, b.Command, b.Style));
                continue;
            }
            var inputId = $"answer{++inputs}";
            var submit = Submit("Send", b.Command, b.Style);
            submit["data"]![AnswerInputKey] = inputId;
            actions.Add(new JsonObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = b.Label,
                ["card"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["body"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "Input.Text",
                        ["id"] = inputId,
                        ["label"] = b.AskFor,
                        ["isMultiline"] = true,
                        ["maxLength"] = 2000,
                        ["isRequired"] = true,
                        ["errorMessage"] = "Please type an answer before sending.",
                    }),
                    ["actions"] = new JsonArray(submit),
                },
            });
        }
        return actions;
    }

    static JsonObject Submit(string title, string command, ButtonStyle style)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { [CommandKey] = command } };
        if (style != ButtonStyle.Default) action["style"] = style == ButtonStyle.Danger ? "destructive" : "positive";
        return action;
    }

    static JsonObject Text(string text, params (string Key, JsonNode Value)[] extra)
    {
        var o = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (k, v) in extra) o[k] = v;
        return o;
    }

    /// <summary>An element too big for any card on its own (a 50,000-character paragraph) is cut, never dropped.</summary>
    static JsonObject Truncated(JsonObject element)
    {
        if (element["text"] is JsonValue v && v.GetValue<string>() is { } s)
            element["text"] = s[..Math.Min(s.Length, MaxCardChars / 2)] + " …";
        return element;
    }

    public static string MentionTag(MentionSpan m) => $"<at>{Escape(m.DisplayName)}</at>";

    /// <summary>Teams card markdown: **bold**, [label](url), paragraphs need a blank line.</summary>
    internal static string Markdown(RichText text, List<MentionSpan> mentions)
    {
        var sb = new StringBuilder();
        foreach (var span in text.Spans)
        {
            switch (span)
            {
                case TextSpan { Bold: true } t when t.Text.Trim().Length > 0:
                    // "**Won: **" is not bold in markdown; spaces go outside the stars.
                    var core = t.Text.Trim();
                    var lead = t.Text[..t.Text.IndexOf(core, StringComparison.Ordinal)];
                    sb.Append(lead).Append("**").Append(Escape(core)).Append("**").Append(t.Text[(lead.Length + core.Length)..]);
                    break;
                case TextSpan t: sb.Append(Escape(t.Text)); break;
                case MentionSpan m when m.Platform == ChatPlatform.Teams:
                    sb.Append(MentionTag(m));
                    mentions.Add(m);
                    break;
                case MentionSpan m: sb.Append('@').Append(Escape(m.DisplayName)); break;
                case LinkSpan l: sb.Append('[').Append(Escape(l.Label)).Append("](").Append(l.Url.Replace(")", "%29")).Append(')'); break;
                case DateSpan d: sb.Append(Format.Date(d.Date)); break;
                default: throw new NotSupportedException($"The Adaptive Card renderer does not know {span.GetType().Name}.");
            }
        }
        return sb.ToString().Replace("\r\n", "\n").Replace("\n", "\n\n").TrimEnd();
    }

    /// <summary>Markdown characters in people's words are shown as typed, and "&lt;at&gt;" cannot forge a mention.</summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '*' or '_' or '[' or ']') sb.Append('\\');
            sb.Append(c == '<' ? '‹' : c == '>' ? '›' : c);
        }
        return sb.ToString();
    }
}
