using System.Text.Json;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Slack;

public sealed class BlockKitTests
{
    static readonly MentionSpan Ana = new(ChatPlatform.Slack, "U1", "Ana");

    static readonly ChatMessage EveryBlock = new(
    [
        new HeaderBlock("Weekly customer review"),
        new TextBlock(RichText.Of(
            new TextSpan("Owner "), Ana, new TextSpan(", due "), new DateSpan(new DateOnly(2026, 12, 15)), new TextSpan(" bold ", Bold: true))),
        new FieldsBlock([new("Won", "3 customers"), new("Lost on", RichText.Of(new DateSpan(new DateOnly(2026, 11, 18))))]),
        new ListBlock(
        [
            "Fees & <refunds>",
            RichText.Of(new LinkSpan("https://example.com/l/5", "L-5"), new TextSpan(" story"), new MentionSpan(ChatPlatform.Teams, "29:x", "Tom")),
        ]),
        new DividerBlock(),
        new ActionsBlock([new("Keep it stopped", "stop keep S-3", ButtonStyle.Primary), new("Reinstate", "stop reinstate S-3", ButtonStyle.Danger),
            new("Record a decision", "decide {answer} re:L-5", AskFor: "What did leadership decide?")]),
        new ContextBlock("Small print"),
        new JarChartBlock("The marble jar", "$", new(2, 42_000m), new(1, 36_000m), [new(new DateOnly(2026, 11, 23), 1, 6_000m)],
            "Won vs lost: 2 won, 1 lost <of 3>; net +1."),
    ]);

    // One block a line: the pieces join with nothing between them.
    const string Golden =
        """{"text":"Weekly customer review\nOwner @Ana, due Tue 15 Dec 2026 bold \nWon: 3 customers\n""" +
        """Lost on: Wed 18 Nov 2026\n• Fees &amp; &lt;refunds&gt;\n• L-5 (https://example.com/l/5) story@Tom\nSmall print\n""" +
        """Won vs lost: 2 won, 1 lost &lt;of 3&gt;; net +1.","blocks":[""" +
        """{"type":"header","text":{"type":"plain_text","text":"Weekly customer review","emoji":true}},""" +
        """{"type":"section","text":{"type":"mrkdwn","text":"Owner <@U1>, due <!date^1797336000^{date_short_pretty}|Tue 15 Dec 2026> *bold* "}},""" +
        """{"type":"section","fields":[{"type":"mrkdwn","text":"*Won*\n3 customers"},""" +
        """{"type":"mrkdwn","text":"*Lost on*\n<!date^1795003200^{date_short_pretty}|Wed 18 Nov 2026>"}]},""" +
        """{"type":"section","text":{"type":"mrkdwn","text":"• Fees &amp; &lt;refunds&gt;\n• <https://example.com/l/5|L-5> story@Tom"}},{"type":"divider"},""" +
        """{"type":"actions","elements":[""" +
        """{"type":"button","text":{"type":"plain_text","text":"Keep it stopped","emoji":true}""" +
        ""","action_id":"cx_run_0","value":"stop keep S-3","style":"primary"},""" +
        """{"type":"button","text":{"type":"plain_text","text":"Reinstate","emoji":true}""" +
        ""","action_id":"cx_run_1","value":"stop reinstate S-3","style":"danger"},""" +
        """{"type":"button","text":{"type":"plain_text","text":"Record a decision","emoji":true}""" +
        ""","action_id":"cx_ask_2","value":"{\"q\":\"What did leadership decide?\",\"c\":\"decide {answer} re:L-5\"}"}]},""" +
        """{"type":"context","elements":[{"type":"mrkdwn","text":"Small print"}]},""" +
        """{"type":"image","slack_file":{"id":"F0123456789"},"alt_text":"The marble jar: a picture of customers won against customers lost, """ +
        """and the net of the last week. The same numbers are written under it.","title":{"type":"plain_text","text":"The marble jar"}},""" +
        """{"type":"context","elements":[{"type":"mrkdwn","text":"Won vs lost: 2 won, 1 lost &lt;of 3&gt;; net +1."}]}]}""";

    [Fact]
    public void Message_EveryBlockType_MatchesGolden()
    {
        var rendered = BlockKit.Message(EveryBlock, _ => "F0123456789");
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Assert.Equal(Golden, rendered.ToJsonString(relaxed));
        BlockKitLimits.AssertWithin(rendered["blocks"]!.AsArray());
    }

    [Fact]
    public void Render_EveryNeutralBlockAndSpanType_IsCovered()
    {
        // New block or span types must be taught to the Slack renderer: this fails until they are.
        var core = typeof(ChatMessage).Assembly;
        var blockTypes = core.GetTypes().Where(t => t.IsSubclassOf(typeof(MessageBlock)) && !t.IsAbstract).ToHashSet();
        var spanTypes = core.GetTypes().Where(t => t.IsSubclassOf(typeof(Span)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(blockTypes, EveryBlock.Blocks.Select(b => b.GetType()).ToHashSet());
        var usedSpans = EveryBlock.Blocks.SelectMany(Spans).Select(s => s.GetType()).ToHashSet();
        Assert.Equal(spanTypes, usedSpans);
        foreach (var span in EveryBlock.Blocks.SelectMany(Spans)) Assert.NotEmpty(SlackMrkdwn.Render(span));
    }

    static IEnumerable<Span> Spans(MessageBlock b) => b switch
    {
        TextBlock t => t.Text.Spans,
        ListBlock l => l.Items.SelectMany(i => i.Spans),
        FieldsBlock f => f.Fields.SelectMany(x => x.Value.Spans),
        ContextBlock c => c.Text.Spans,
        _ => [],
    };

    [Fact]
    public void Message_OversizeReview_StaysWithinEveryLimitAndSaysWhatIsHidden()
    {
        var blocks = new List<MessageBlock> { new HeaderBlock("Weekly customer review " + new string('=', 300)) };
        blocks.Add(new TextBlock(new string('w', 10_000) + " & <done>"));
        blocks.Add(new FieldsBlock([.. Enumerable.Range(1, 25).Select(i => new Field($"Group {i}", new string('v', 2500)))]));
        blocks.Add(new ListBlock(
            [.. Enumerable.Range(1, 400).Select(i => (RichText)$"C-{i} Call every lost clinic in the northern region before the renewal window closes")]));
        blocks.Add(new ActionsBlock([.. Enumerable.Range(1, 30).Select(i =>
            new ActionButton($"Own the follow-up for the story of customer number {i} please now", $"commit Follow up L-{i} due:friday"))]));
        for (var i = 0; i < 60; i++) blocks.Add(new ContextBlock($"Line {i}"));

        var rendered = BlockKit.Message(new ChatMessage(blocks));
        var array = rendered["blocks"]!.AsArray();

        BlockKitLimits.AssertWithin(array);
        Assert.Equal(50, array.Count);
        Assert.Matches(@"…and \d+ more", (string)array[^1]!["elements"]![0]!["text"]!);
        Assert.InRange(((string)rendered["text"]!).Length, 1, 3000);
        Assert.EndsWith("…", (string)array[0]!["text"]!["text"]!);
    }

    [Fact]
    public void Home_AllowsAHundredBlocks()
    {
        var message = new ChatMessage([.. Enumerable.Range(0, 150).Select(i => (MessageBlock)new ContextBlock($"Line {i}"))]);
        var home = BlockKit.Home(message);
        Assert.Equal("home", (string?)home["type"]);
        BlockKitLimits.AssertWithin(home["blocks"]!.AsArray(), maxBlocks: 100);
        Assert.Equal(100, home["blocks"]!.AsArray().Count);
    }

    [Fact]
    public void Message_WithNoText_StillHasAFallback() =>
        Assert.Equal("AccountabilityBot", (string?)BlockKit.Message(new ChatMessage([new DividerBlock()]))["text"]);

    [Theory]
    [InlineData("abc <@U1> def", 9, "abc …")]
    [InlineData("fish &amp; chips", 8, "fish …")]
    [InlineData("short", 10, "short")]
    public void Trim_NeverCutsInsideATokenOrEntity(string text, int max, string expected) => Assert.Equal(expected, SlackMrkdwn.Trim(text, max));

    [Fact]
    public void AskButton_LongQuestion_IsTrimmedToFitTheValueLimit()
    {
        var button = new ActionButton("Answer", "answer P-1 {answer}", AskFor: new string('?', 5000));
        var value = (string)BlockKit.Message(new ChatMessage([new ActionsBlock([button])]))["blocks"]![0]!["elements"]![0]!["value"]!;
        Assert.InRange(value.Length, 1, 2000);
        Assert.Equal("answer P-1 {answer}", SlackAnswerModal.ReadButtonValue(value)!.Value.Command);
    }
}
