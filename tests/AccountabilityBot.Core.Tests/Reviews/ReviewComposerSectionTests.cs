using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.StopList;
using static AccountabilityBot.Core.Tests.Reviews.SnapshotBuilder;

namespace AccountabilityBot.Core.Tests.Reviews;

public sealed class ReviewComposerSectionTests
{
    static readonly BotSettings Settings = new() { CurrencySymbol = "€", EscalateAfterDays = 7 };

    static List<ActionButton> Buttons(ChatMessage m) => [.. m.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons)];

    [Fact]
    public void Compose_Story_ButtonsAreSafeCommandsReferringToTheStory()
    {
        var buttons = Buttons(ReviewComposer.Compose(Busy(), Settings));

        Assert.Contains(new ActionButton("Own the follow-up", "commit Follow up with Acme EMEA owner:me due:in 1 week re:L-5", ButtonStyle.Primary), buttons);
        var decide = Assert.Single(buttons, b => b.Label == "Record a decision");
        Assert.Equal("decide {answer} owner:me re:L-5", decide.Command);
        Assert.Equal("What did leadership decide about Acme EMEA?", decide.AskFor);
        var stop = Assert.Single(buttons, b => b.Label == "Propose a stop");
        Assert.Equal("stop propose \"{answer}\" why:\"Why Acme EMEA left (L-5)\"", stop.Command);
        Assert.Contains("Surprise 'fees'", stop.AskFor);
    }

    [Fact]
    public void StoryButtons_FilledWithAnAnswer_ParseToTheIntendedCommands()
    {
        var buttons = Buttons(ReviewComposer.Compose(Busy(), Settings));
        var today = new ParseContext(new DateOnly(2026, 11, 26));

        var decide = CommandParser.Parse(buttons.Single(b => b.Label == "Record a decision").Fill("Credit \"two\" months\nfor EMEA"), today);
        Assert.Equal(new DecideCommand("Credit two months for EMEA", MemberRef.Self, null, "L-5"), decide.Command);

        var stop = CommandParser.Parse(buttons.Single(b => b.Label == "Propose a stop").Fill("Surprise \"fees\""), today);
        Assert.Equal(new StopProposeCommand("Surprise 'fees'", null, null, "Why Acme EMEA left (L-5)"), stop.Command);

        foreach (var b in buttons.Where(b => b.AskFor is null))
            Assert.True(CommandParser.Parse(b.Command, today).Succeeded, b.Command);
    }

    [Fact]
    public void Compose_Story_ShowsCustomerValueReasonAndTrimmedNarrative()
    {
        var narrative = string.Join(' ', Enumerable.Repeat("word", 400));
        var lines = Lines(ReviewComposer.Compose(Busy() with { Story = Busy().Story! with { Narrative = narrative } }, Settings));

        Assert.Contains("Customer: Acme: EMEA (Enterprise)", lines);
        Assert.Contains("Worth: €36,000 a year", lines);
        Assert.Contains("Lost on: Wed 18 Nov 2026", lines);
        Assert.Contains("Why they left: Surprise \"fees\"", lines);
        var shown = Assert.Single(lines, l => l.StartsWith("word", StringComparison.Ordinal));
        Assert.True(shown.Length <= ReviewComposer.MaxNarrative && shown.EndsWith("word…", StringComparison.Ordinal), shown);
        Assert.Contains("L-5 · read it all with `story L-5` · What will we do about it?", lines);
    }

    [Fact]
    public void Compose_StopList_DueItemsGetKeepOrReinstateAndProposedGetAgree()
    {
        var message = ReviewComposer.Compose(Busy(), Settings);

        Assert.Contains("S-3 Weekend-only support — owner @Ana · review due Fri 20 Nov 2026", Lines(message));
        Assert.Contains("S-4 Mandatory upgrade calls — owner not named yet", Lines(message));
        var commands = Buttons(message).Select(b => b.Command).ToList();
        Assert.Contains("stop keep S-3", commands);
        Assert.Contains("stop reinstate S-3", commands);
        Assert.Contains("stop agree S-4", commands);
    }

    [Fact]
    public void Compose_DecisionsFrontlineAndAnswers_ListedWithPeople()
    {
        var lines = Lines(ReviewComposer.Compose(Busy(), Settings)).ToList();

        Assert.Contains("• D-12 Refund setup fees — owner @Ben · re L-5", lines);
        var onboard = lines.IndexOf("• Onboard — 1 issue resolved · €40");
        Assert.True(onboard > 0 && lines[onboard + 1] == "• Get help — 3 issues resolved · €250"
            && lines[onboard + 2] == "• No stage — 1 issue resolved · €0");
        Assert.Contains("5 issues resolved in total, costing €290.", lines);
        Assert.Contains("🙏 Thank you @Ana (4) and @Ben (1).", lines);
        Assert.Contains("• @Ana on “Which customer's life did your team improve?”: Acme's renewal.", lines);
    }

    [Fact]
    public void Compose_EmptyWeek_EverySectionSaysSoInsteadOfDisappearing()
    {
        var lines = Lines(ReviewComposer.Compose(Empty(), Settings));

        Assert.Contains("Net this week: 0 customers, €0 a year", lines);
        Assert.Contains("No customers lost this week, nor in Q4 2026 so far.", lines);
        Assert.Contains("No renewals or referrals this week.", lines);
        Assert.Contains("No untold lost-customer story this week.", lines);
        Assert.Contains("Nothing on the stop list is due for review or waiting for agreement.", lines);
        Assert.Contains("No commitments are overdue.", lines);
        Assert.Contains("No decisions recorded this week.", lines);
        Assert.Contains("No frontline resolutions logged this week.", lines);
        Assert.Contains("No answers to last week's prompts.", lines);
        Assert.Equal(["dashboard"], Buttons(ReviewComposer.Compose(Empty(), Settings)).Select(b => b.Command));
    }

    [Fact]
    public void Compose_LongLists_BoundedWithAndNMore()
    {
        var overdue = Enumerable.Range(1, 13)
            .Select(i => new OverdueView(i, $"Task {i}", Ana, new DateOnly(2026, 11, 1).AddDays(i), null, CommitmentStatus.AtRisk)).ToList();
        var stops = Enumerable.Range(1, 7).Select(i => new StopView(i, $"Stop {i}", Ana, new DateOnly(2026, 11, 1))).ToList();

        var message = ReviewComposer.Compose(Empty() with { Overdue = overdue, StopsDue = stops }, Settings);

        var lines = Lines(message);
        Assert.Equal(ReviewComposer.MaxListed, lines.Count(l => l.StartsWith("• 🔺 C-", StringComparison.Ordinal)));
        Assert.Contains("…and 3 more.", lines);
        Assert.Contains("…and 2 more — `stop list` shows them all.", lines);
        Assert.Equal(2 * ReviewComposer.MaxWithButtons, Buttons(message).Count(b => b.Command != "dashboard"));
    }

    [Fact]
    public void Compose_SameSnapshot_SameMessage()
    {
        var first = PlainTextRenderer.Render(ReviewComposer.Compose(Busy(), Settings));

        Assert.Equal(first, PlainTextRenderer.Render(ReviewComposer.Compose(Busy(), Settings)));
    }

    [Fact]
    public void Compose_FollowThrough_OnlyWhenShared_ListedInTheReportsOrder_AndBounded()
    {
        Assert.DoesNotContain(Lines(ReviewComposer.Compose(Busy(), Settings)), l => l.Contains("Follow-through"));

        var leaders = Enumerable.Range(1, 12).Select(i => new FollowThrough(i,
            new Person(ChatPlatform.Slack, $"U{i}", $"Leader {i:00}"), i, 0, 0, 0, 0, 0, 0, 2, 1)).ToList();
        var report = new FollowThroughReport(new(new DateOnly(2026, 10, 1), Monday.AddDays(-1)), leaders);
        var lines = Lines(ReviewComposer.Compose(Busy() with { FollowThrough = report }, Settings));

        Assert.Contains("Follow-through, Q4 2026 so far", lines);
        Assert.Contains("• @Leader 01 — commitments: 1 kept on time, 0 kept late, 0 overdue, 0 dropped · decisions: none made · "
            + "prompts: 1 of 2 answered", lines);
        Assert.Contains("…and 2 more — `scoreboard` lists everyone.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("@Leader 11"));
    }
}
