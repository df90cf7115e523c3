using System.Reflection;
using System.Text.Json.Serialization;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Tests.Messaging;

public sealed class PlainTextRendererTests
{
    static readonly MentionSpan Ana = new(ChatPlatform.Slack, "U1", "Ana");

    static readonly ChatMessage EveryBlock = new(
    [
        new HeaderBlock("Weekly customer review"),
        new TextBlock(RichText.Of(
            new TextSpan("Owner "), Ana, new TextSpan(", due "), new DateSpan(new DateOnly(2026, 12, 15)), new TextSpan(" — bold", Bold: true))),
        new FieldsBlock([new("Won", "3 customers"), new("Lost on", RichText.Of(new DateSpan(new DateOnly(2026, 11, 18))))]),
        new ListBlock(["First", RichText.Of(new LinkSpan("https://example.com/l/5", "L-5"), new TextSpan(" story"))]),
        new DividerBlock(),
        new ActionsBlock([new("Keep it stopped", "stop keep S-3"), new("Reinstate", "stop reinstate S-3", ButtonStyle.Danger)]),
        new ContextBlock("Small print"),
        new JarChartBlock("The marble jar", "$", new(2, 42_000m), new(1, 36_000m), [new(new DateOnly(2026, 11, 23), 1, 6_000m)],
            "Won vs lost: 2 won, 1 lost <of 3>; net +1."),
    ]);

    const string Expected = """
        Weekly customer review
        ======================
        Owner @Ana, due Tue 15 Dec 2026 — bold
        Won: 3 customers
        Lost on: Wed 18 Nov 2026
        • First
        • L-5 (https://example.com/l/5) story
        ---
        [Keep it stopped → stop keep S-3]  [Reinstate → stop reinstate S-3]
        Small print
        Won vs lost: 2 won, 1 lost <of 3>; net +1.
        """;

    [Fact]
    public void Render_EveryBlockType_MatchesGolden()
    {
        Assert.Equal(Expected.ReplaceLineEndings("\n"), PlainTextRenderer.Render(EveryBlock));
    }

    [Fact]
    public void Render_GoldenMessage_CoversEveryNeutralBlockType()
    {
        var known = typeof(MessageBlock).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);

        Assert.Equal(known.OrderBy(t => t.Name), EveryBlock.Blocks.Select(b => b.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void Render_UnknownBlock_Throws()
    {
        Assert.Throws<NotSupportedException>(() => PlainTextRenderer.Render(new ChatMessage([new ImagineBlock()])));
    }

    [Fact]
    public void Render_EmptyMessage_EmptyString()
    {
        Assert.Equal("", PlainTextRenderer.Render(new ChatMessage([])));
    }

    sealed record ImagineBlock : MessageBlock;
}
