using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// A small follow-through history counted by hand, for <c>scoreboard</c>, <c>mine</c> and the Follow-through page: on
/// Thursday 26 Nov 2026 (Q4; the team in UTC, tom in Los Angeles) tom and maria are executives, fran is frontline.
/// tom: C-1 done Fri 22:00 in Los Angeles (Sat in UTC) on its Friday due date, C-6 done early: 2 kept on time; C-2 done
/// Sat 01:00 there: 1 late; C-3 past due and open: 1 overdue; C-4: 1 dropped; D-1 his, cited by C-6 (done) and maria's
/// C-7 (open); 1 of his 2 Q4 prompts answered. A Q3 commitment and prompt do not count. maria: C-5 kept on time.
/// The clock is left at Wednesday 2 Dec 2026, 15:00 UTC.
/// </summary>
public static class ScoreboardHistory
{
    public static async Task SeedAsync(BotApplication app)
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
}
