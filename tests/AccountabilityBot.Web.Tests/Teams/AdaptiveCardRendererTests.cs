using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Teams;

namespace AccountabilityBot.Web.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    static readonly MentionSpan Maria = new(ChatPlatform.Teams, "29:maria-id", "Maria Lopez");

    static readonly ChatMessage EveryBlock = new(
    [
        new HeaderBlock("Weekly customer review"),
        new TextBlock(RichText.Of(new TextSpan("Owner "), Maria, new TextSpan(", due "), new DateSpan(new DateOnly(2026, 12, 15)),
            new TextSpan(" — bold ", Bold: true), new TextSpan("*not* [markup] <at>x</at>"))),
        new FieldsBlock([new("Won", "3 customers"), new("Lost on", RichText.Of(new DateSpan(new DateOnly(2026, 11, 18))))]),
        new ListBlock(["First", RichText.Of(new LinkSpan("https://example.com/l/5", "L-5"), new TextSpan(" story, told by "), Maria)]),
        new DividerBlock(),
        new ActionsBlock([new("Keep it stopped", "stop keep S-3"), new("Reinstate", "stop reinstate S-3", ButtonStyle.Danger),
            new("Record a decision", "decide {answer} owner:me re:L-5", AskFor: "What did leadership decide?")]),
        new ContextBlock(RichText.Of(new TextSpan("Small print by "), new MentionSpan(ChatPlatform.Slack, "U1", "Sam"))),
        new JarChartBlock("The marble jar", "$", new(2, 42_000m), new(1, 36_000m), [new(new DateOnly(2026, 11, 23), 1, 6_000m)],
            "Won vs lost: 2 won, 1 lost <of 3>; net +1."),
    ]);

    const string ChartUrl = "https://bot.example.test/charts/sealed-token.png";

    [Fact]
    public void Render_EveryBlockType_MatchesGolden()
    {
        var card = Assert.Single(AdaptiveCardRenderer.Render(EveryBlock, _ => ChartUrl)).ToTeamsCard();
        AssertGolden("every_block.card.json", card);
    }

    [Fact]
    public void Render_GoldenMessage_CoversEveryNeutralBlockAndSpanType()
    {
        var blocks = typeof(MessageBlock).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);
        var spans = typeof(Span).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);
        var used = EveryBlock.Blocks.SelectMany(b => b switch
        {
            TextBlock t => t.Text.Spans,
            ListBlock l => l.Items.SelectMany(i => i.Spans),
            FieldsBlock f => f.Fields.SelectMany(x => x.Value.Spans),
            ContextBlock c => c.Text.Spans,
            _ => [],
        }).Select(s => s.GetType());

        Assert.Equal(blocks.OrderBy(t => t.Name), EveryBlock.Blocks.Select(b => b.GetType()).Distinct().OrderBy(t => t.Name));
        Assert.Equal(spans.OrderBy(t => t.Name), used.Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void Render_EveryBlockType_IsAValidAdaptiveCard15() =>
        CardSchema.AssertValid(AdaptiveCardRenderer.Render(EveryBlock, _ => ChartUrl)[0].ToTeamsCard());

    [Fact]
    public void Schema_RejectsACardWithAnUnknownElement()
    {
        var card = AdaptiveCardRenderer.Render(EveryBlock, _ => ChartUrl)[0].Card.DeepClone().AsObject();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Marquee", ["text"] = "no such element" });
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CardSchema.AssertValid(card));
    }

    [Fact]
    public void Mentions_OfTeamsMembers_AreRealMentionEntities_OncePerPerson()
    {
        var card = AdaptiveCardRenderer.Render(EveryBlock, _ => ChartUrl)[0].ToTeamsCard();
        var entity = Assert.Single(card["msteams"]!["entities"]!.AsArray())!;
        Assert.Equal(("mention", "<at>Maria Lopez</at>", "29:maria-id"),
            (entity["type"]!.GetValue<string>(), entity["text"]!.GetValue<string>(), entity["mentioned"]!["id"]!.GetValue<string>()));
        Assert.Contains("<at>Maria Lopez</at>", card["body"]![1]!["text"]!.GetValue<string>());
        // Typed text cannot forge a mention tag; the Slack member is plain text.
        Assert.DoesNotContain("<at>x</at>", card.ToJsonString());
        Assert.Contains("@Sam", card.ToJsonString());
    }

    [Fact]
    public void LongReview_IsSplitIntoValidCards_EachUnder80KB_NothingLost()
    {
        var items = Enumerable.Range(1, 400).Select(i => new TextBlock($"Story {i}: " + new string('x', 600))).ToList<MessageBlock>();
        var cards = AdaptiveCardRenderer.Render(new ChatMessage([new HeaderBlock("Weekly customer review"), .. items]));

        Assert.True(cards.Count > 1);
        foreach (var c in cards)
        {
            var json = c.ToTeamsCard().ToJsonString();
            Assert.True(json.Length * 2 < 80 * 1024, $"card of {json.Length} chars is over 80 KB in UTF-16");
            CardSchema.AssertValid(c.ToTeamsCard());
        }
        Assert.Equal(401, cards.Sum(c => c.Card["body"]!.AsArray().Count));
        Assert.Contains("Story 400:", cards[^1].Card.ToJsonString());
    }

    [Fact]
    public void AskForButton_OpensAnInput_WhoseSubmitNamesIt_AndTheAnswerFillsTheCommand()
    {
        var actions = AdaptiveCardRenderer.Render(EveryBlock, _ => ChartUrl)[0].Card["body"]!.AsArray()
            .Single(e => e!["type"]!.GetValue<string>() == "ActionSet")!["actions"]!;
        var show = actions[2]!;
        Assert.Equal("Action.ShowCard", show["type"]!.GetValue<string>());
        var input = show["card"]!["body"]![0]!;
        var submit = show["card"]!["actions"]![0]!;
        Assert.Equal(("Input.Text", true), (input["type"]!.GetValue<string>(), input["isRequired"]!.GetValue<bool>()));

        // What Teams sends back: the submit data merged with the card's inputs.
        var value = submit["data"]!.DeepClone().AsObject();
        value[input["id"]!.GetValue<string>()] = "Refund the \"outage\" month";
        Assert.Equal("decide Refund the 'outage' month owner:me re:L-5", TeamsInbound.CardCommand(JsonDocument.Parse(value.ToJsonString()).RootElement));
    }

    [Fact]
    public void Render_UnknownBlock_Throws() =>
        Assert.Throws<NotSupportedException>(() => AdaptiveCardRenderer.Render(new ChatMessage([new ImagineBlock()])));

    [Fact]
    public void Render_EmptyMessage_IsOneValidEmptyCard() =>
        CardSchema.AssertValid(Assert.Single(AdaptiveCardRenderer.Render(new ChatMessage([]))).ToTeamsCard());

    sealed record ImagineBlock : MessageBlock;

    static void AssertGolden(string name, JsonObject actual, [CallerFilePath] string source = "")
    {
        var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var text = actual.ToJsonString(indented) + "\n";
        var path = Path.Combine(Path.GetDirectoryName(source)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(path, text);
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Golden", name)).ReplaceLineEndings("\n"), text);
    }
}
