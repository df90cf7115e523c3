using System.Text.Json.Serialization;

namespace AccountabilityBot.Core.Messaging;

/// <summary>A platform-neutral message: blocks that the Slack, Teams and local renderers each turn into their own form.</summary>
public sealed record ChatMessage(IReadOnlyList<MessageBlock> Blocks)
{
    /// <summary>
    /// What is stored (inbox replies, the outbox, job arguments) in place of a message that carries a secret shown only
    /// once, such as a new API key; null for an ordinary message, which is stored as it is.
    /// </summary>
    [JsonIgnore]
    public ChatMessage? StoredAs { get; init; }

    public static ChatMessage Text(RichText text) => new([new TextBlock(text)]);

    /// <summary>The message's words as plain text, used where a platform needs a notification fallback.</summary>
    public string FallbackText => PlainTextRenderer.Words(this);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(FieldsBlock), "fields")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(JarChartBlock), "jarChart")]
public abstract record MessageBlock;

/// <summary>A short title line.</summary>
public sealed record HeaderBlock(string Text) : MessageBlock;

/// <summary>A paragraph.</summary>
public sealed record TextBlock(RichText Text) : MessageBlock;

/// <summary>Label/value pairs, shown side by side where the platform can.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : MessageBlock;

public sealed record Field(string Label, RichText Value);

/// <summary>A bulleted list.</summary>
public sealed record ListBlock(IReadOnlyList<RichText> Items) : MessageBlock;

/// <summary>Buttons; each runs a command of the chat grammar as the member who clicks it.</summary>
public sealed record ActionsBlock(IReadOnlyList<ActionButton> Buttons) : MessageBlock;

public enum ButtonStyle { Default, Primary, Danger }

/// <summary>A button whose <paramref name="Command"/> (e.g. "done C-7") goes through the same command engine as typed text.</summary>
/// <param name="AskFor">
/// When set, the member is first asked this question (a modal, an input card, a prompt) and their words replace
/// <see cref="AnswerSlot"/> in <paramref name="Command"/>; see <see cref="Fill"/>.
/// </param>
public sealed record ActionButton(string Label, string Command, ButtonStyle Style = ButtonStyle.Default, string? AskFor = null)
{
    public const string AnswerSlot = "{answer}";

    /// <summary>
    /// The command with the member's answer in its slot. Double quotes become single ones and line breaks spaces,
    /// so an answer can sit inside a quoted value without ending it.
    /// </summary>
    public string Fill(string answer) =>
        Command.Replace(AnswerSlot, string.Join(' ', answer.Replace('"', '\'').Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim());
}

/// <summary>A small grey line of secondary information.</summary>
public sealed record ContextBlock(RichText Text) : MessageBlock;

public sealed record DividerBlock : MessageBlock;
