using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>
/// <c>scoreboard</c> and <c>mine</c> through the real host on the local channel, on a small history counted by hand
/// (<see cref="ScoreboardHistory"/>: Q4 2026; the team in UTC, tom in Los Angeles).
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class ScoreboardChatTests : IAsyncLifetime
{
    // tom's line, counted by hand (see ScoreboardHistory).
    const string TomLine = "@tom — commitments: 2 kept on time, 1 kept late, 1 overdue, 1 dropped · "
        + "decisions: 1 made, 1 of 2 commitments from them done · prompts: 1 of 2 answered";
    const string MariaLine = "@maria — commitments: 1 kept on time, 0 kept late, 0 overdue, 0 dropped · decisions: none made · prompts: none asked";

    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => ScoreboardHistory.SeedAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Scoreboard_ForTheCco_CountsEachLeaderByHand_InNameOrder_WithoutRanking()
    {
        var reply = (await app.SayAsync("ana", "scoreboard")).Text;
        Assert.Contains("Follow-through, Q4 2026 so far", reply);
        Assert.Contains(TomLine, reply);
        Assert.Contains(MariaLine, reply);
        Assert.Contains("@ana — commitments: 0 kept on time", reply);
        Assert.DoesNotContain("@fran", reply);
        // tom kept the most, yet the list is by name.
        Assert.True(reply.IndexOf("@ana —", StringComparison.Ordinal) < reply.IndexOf("@maria —", StringComparison.Ordinal));
        Assert.True(reply.IndexOf("@maria —", StringComparison.Ordinal) < reply.IndexOf("@tom —", StringComparison.Ordinal));
        foreach (var word in new[] { "best", "worst", "rank #", "top ", "#1" })
            Assert.DoesNotContain(word, reply.Replace("not a ranking", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a ranking", reply);
    }

    [Fact]
    public async Task Scoreboard_AnExecutiveInTheChannel_SeesOnlyTheirOwn_AndIsToldWhy()
    {
        var reply = (await app.SayAsync("tom", "scoreboard", channel: "leadership")).Text;
        Assert.Contains("Your follow-through, Q4 2026 so far", reply);
        Assert.Contains(TomLine, reply);
        Assert.DoesNotContain("@maria", reply);
        Assert.Contains("the CCO's to share", reply);
    }

    [Fact]
    public async Task Mine_ShowsYourOwnFollowThrough_ForALeaderOnly()
    {
        var tom = (await app.SayAsync("tom", "mine")).Text;
        Assert.Contains("Your follow-through, Q4 2026 so far", tom);
        Assert.Contains(TomLine[(TomLine.IndexOf('—') + 2)..], tom);
        Assert.Contains("C-3 Publish delivery windows", tom);
        var fran = (await app.SayAsync("fran", "mine")).Text;
        Assert.Contains("Nothing open", fran);
        Assert.DoesNotContain("follow-through", fran);
    }

    [Fact]
    public async Task Share_ByTheCco_ShowsEveryoneToExecutives_AndTheReviewCarriesIt_UntilTurnedOff()
    {
        Assert.DoesNotContain("Follow-through", (await app.SayAsync("ana", "review")).Text);
        Assert.Contains("Only the CCO", (await app.SayAsync("tom", "scoreboard share on")).Text);

        Assert.Contains("every executive now sees everyone's", (await app.SayAsync("ana", "scoreboard share on")).Text);
        Assert.Contains("already shared; nothing changed", (await app.SayAsync("ana", "scoreboard share on")).Text);
        var tom = (await app.SayAsync("tom", "scoreboard")).Text;
        Assert.Contains("Follow-through, Q4 2026 so far", tom);
        Assert.Contains(MariaLine, tom);
        Assert.Contains(TomLine, tom);
        Assert.Contains("Shared by the CCO", tom);
        var fran = (await app.SayAsync("fran", "scoreboard")).Text;
        Assert.Contains("Your follow-through", fran);
        Assert.DoesNotContain("@tom", fran);

        // Wednesday 2 Dec: the review's quarter runs to yesterday, which holds the same history.
        var review = (await app.SayAsync("ana", "review")).Text;
        Assert.Contains("Follow-through, Q4 2026 so far", review);
        Assert.Contains(TomLine, review);
        Assert.Contains(MariaLine, review);
        Assert.True(review.IndexOf("Decisions this week", StringComparison.Ordinal) < review.IndexOf("Follow-through", StringComparison.Ordinal));

        Assert.Contains("No longer shared", (await app.SayAsync("ana", "scoreboard share off")).Text);
        Assert.DoesNotContain("Follow-through", (await app.SayAsync("ana", "review")).Text);
        Assert.DoesNotContain("@maria", (await app.SayAsync("tom", "scoreboard")).Text);
        var setting = await app.WithDbAsync(db => db.TeamSettings.SingleAsync());
        Assert.Equal(("scoreboard.shared", "off"), (setting.Name, setting.Value));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditTrail.CountAsync(a => a.Action == "setting.changed")));
    }

    [Theory]
    [InlineData("tom", "scoreboard everyone", "I didn't expect 'everyone'; use `scoreboard`, or for the CCO `scoreboard share on`")]
    [InlineData("ana", "scoreboard shar on", "Did you mean `share`?")]
    [InlineData("ana", "scoreboard share", "Share on or off? Say `scoreboard share on` or `scoreboard share off`.")]
    [InlineData("ana", "scoreboard share maybe", "Share on or off?")]
    [InlineData("ana", "scoreboard share on now", "`scoreboard share on` doesn't take anything else")]
    public async Task Scoreboard_BadInput_IsAnsweredWithItsUsage_AndNothingIsWritten(string who, string text, string expected)
    {
        var reply = (await app.SayAsync(who, text)).Text;
        Assert.Contains(expected, reply);
        Assert.DoesNotContain("Follow-through", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.WithDbAsync(db => db.TeamSettings.CountAsync()));
    }
}
