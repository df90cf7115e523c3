using System.Text.Json.Serialization;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>A run of text that renderers turn into their platform's markup.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "span")]
[JsonDerivedType(typeof(TextSpan), "text")]
[JsonDerivedType(typeof(MentionSpan), "mention")]
[JsonDerivedType(typeof(LinkSpan), "link")]
[JsonDerivedType(typeof(DateSpan), "date")]
public abstract record Span;

/// <summary>Plain words, optionally bold; renderers escape them.</summary>
public sealed record TextSpan(string Text, bool Bold = false) : Span;

/// <summary>A member, rendered as a real mention where the platform allows.</summary>
public sealed record MentionSpan(ChatPlatform Platform, string PlatformUserId, string DisplayName) : Span
{
    public static MentionSpan Of(Member m) => new(m.Platform, m.PlatformUserId, m.DisplayName);
}

public sealed record LinkSpan(string Url, string Label) : Span;

/// <summary>A calendar date; platforms that can show it in the reader's zone do so.</summary>
public sealed record DateSpan(DateOnly Date) : Span;

/// <summary>Text made of spans.</summary>
public sealed record RichText(IReadOnlyList<Span> Spans)
{
    public static implicit operator RichText(string text) => new([new TextSpan(text)]);

    public static RichText Of(params Span[] spans) => new(spans);

    public static RichText Bold(string text) => new([new TextSpan(text, Bold: true)]);

    /// <summary>Plain text with no markup, for fallbacks and logs.</summary>
    public string ToPlainText() => string.Concat(Spans.Select(s => s switch
    {
        TextSpan t => t.Text,
        MentionSpan m => "@" + m.DisplayName,
        LinkSpan l => $"{l.Label} ({l.Url})",
        DateSpan d => Common.Format.Date(d.Date),
        _ => throw new NotSupportedException($"Plain text does not know {s.GetType().Name}."),
    }));
}
