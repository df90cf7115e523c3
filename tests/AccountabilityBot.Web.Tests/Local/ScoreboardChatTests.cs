using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>
/// <c>scoreboard</c> and <c>mine</c> through the real host on the local channel, on a small history counted by hand
/// (Q4 2026; the team in UTC, tom in Los Angeles).
/// </summary>
[Collection(WebTests.Name)]
public sealed class ScoreboardChatTests : IAsyncLifetime
{
    // tom's line, counted by hand: C-1 done Fri 22:00 in Los Angeles (Sat in UTC) on its Friday due date, C-6 done early:
    // 2 on time; C-2 done Sat 01:00 there: 1 late; C-3 past due and open: 1 overdue; C-4: 1 dropped; D-1 his, cited by
    // C-6 (done) and maria's C-7 (open); 1 of his 2 Q4 prompts answered. A Q3 commitment and prompt do not count.
    const string TomLine = "@tom — commitments: 2 kept on time, 1 kept late, 1 overdue, 1 dropped · "
        + "decisions: 1 made, 1 of 2 commitments from them done · prompts: 1 of 2 answered";
    const string MariaLine = "@maria — commitments: 1 kept on time, 0 kept late, 0 overdue, 0 dropped · decisions: none made · prompts: none asked";

    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "help");
        await app.SayAsync("ana", "role @tom executive");
        await app.SayAsync("ana", "role @maria executive");
        await app.SayAsync("ana", "role @fran frontline");
        await app.SayAsync("tom", "me tz:America/Los_Angeles");
        foreach (var (who, text) in new[]
        {
            ("tom", "commit Call back every complaint due:2026-11-27"),
            ("tom", "commit Fix the refund form due:2026-11-27"),
            ("tom", "commit Publish delivery windows due:2026-11-30"),
            ("tom", "commit Rewrite the welcome pack due:2026-12-15"),
            ("maria", "commit Train the night shift due:2026-12-01"),
            ("tom", "decide Waive the fee for outage customers"),
            ("tom", "commit Refund outage fees due:2026-12-20 re:D-1"),
            ("maria", "commit Tell outage customers due:2026-12-20 re:D-1"),
        })
            Assert.Contains("Recorded", (await app.SayAsync(who, text)).Text);
        await app.SayAsync("maria", "done C-5");
        await app.SayAsync("tom", "done C-6");
        await app.SayAsync("tom", "update C-4 dropped \"the pack is going away\"");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));
        await app.SayAsync("tom", "done C-1");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await app.SayAsync("tom", "done C-2");
        // A note on a commitment already done keeps when it was done.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
        await app.SayAsync("tom", "done C-1 \"and the follow-up calls\"");
        await app.WithDbAsync(async db =>
        {
            var tom = await db.Members.SingleAsync(m => m.PlatformUserId == "tom");
            var q3 = new DateTime(2026, 9, 30, 20, 0, 0, DateTimeKind.Utc);
            db.Commitments.Add(new Commitment
            {
                Title = "Last quarter's", OwnerId = tom.Id, DueOn = new(2026, 9, 30), Status = CommitmentStatus.Done, CreatedById = tom.Id,
                CreatedAt = q3.AddDays(-20), ClosedAt = q3,
            });
            db.Prompts.AddRange(
                new Prompt { MemberId = tom.Id, Question = "Q3?", AskedAt = q3, Answer = "yes", AnsweredAt = q3.AddHours(1) },
                new Prompt { MemberId = tom.Id, Question = "Which customer?", AskedAt = new(2026, 11, 20, 14, 0, 0, DateTimeKind.Utc), Answer = "Acme",
                    AnsweredAt = new(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc) },
                new Prompt { MemberId = tom.Id, Question = "What will you stop?", AskedAt = new(2026, 11, 27, 14, 0, 0, DateTimeKind.Utc) });
            return await db.SaveChangesAsync();
        });
    }

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
