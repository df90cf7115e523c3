using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Tests.Reviews;

/// <summary>Hand-built snapshots for the composer: a review read on Monday 23 Nov 2026, covering 16–22 Nov.</summary>
static class SnapshotBuilder
{
    public static readonly DateOnly Monday = new(2026, 11, 23);
    public static readonly Person Ana = new(ChatPlatform.Slack, "U1", "Ana");
    public static readonly Person Ben = new(ChatPlatform.Slack, "U2", "Ben");

    public static ReviewSnapshot Empty() => new(
        ReviewPeriod.EndingYesterday(Monday, TimeZoneInfo.Utc),
        CustomerTotals.Empty, CustomerTotals.Empty, null, [], [], [], [], [], [], []);

    public static ReviewSnapshot Busy() => Empty() with
    {
        Week = new CustomerTotals(new Tally(3, 42_000m), new Tally(4, 23_000m), new Tally(1, 30_000m), new Tally(1, 8_000m),
            [new("Price", 1, 6_000m), new("Onboarding", 2, 5_000m), new("Slow support", 1, 12_000m)],
            [new("Great support", 1, 30_000m)],
            [new("Enterprise", new Tally(1, 30_000m), Tally.None), new("SMB", Tally.None, new Tally(1, 8_000m))]),
        Quarter = new CustomerTotals(new Tally(5, 60_000m), new Tally(7, 95_500m), new Tally(4, 120_000m), new Tally(2, 20_000m),
            [], [], []),
        Story = new StoryView(5, "Acme: EMEA", "Enterprise", new DateOnly(2026, 11, 18), 36_000m, "Surprise \"fees\"", "They left."),
        StopsDue = [new StopView(3, "Weekend-only support", Ana, new DateOnly(2026, 11, 20))],
        StopsProposed = [new StopView(4, "Mandatory upgrade calls", null, null)],
        Overdue =
        [
            new OverdueView(2, "Fix onboarding emails", Ben, new DateOnly(2026, 11, 16), null, CommitmentStatus.OnTrack),
            new OverdueView(1, "Call every lost customer", Ana, new DateOnly(2026, 11, 15), "Renew", CommitmentStatus.Blocked),
        ],
        Decisions = [new DecisionView(12, "Refund setup fees", Ana, Ben, "L-5")],
        Frontline = [new StageTally("No stage", int.MaxValue, 1, 0m), new StageTally("Get help", 6, 3, 249.5m), new StageTally("Onboard", 3, 1, 40m)],
        Contributors = [new Contributor(Ben, 1), new Contributor(Ana, 4)],
        Answers =
        [
            new AnswerView(Ana, "Which customer's life did your team improve?", "Acme's renewal.", new DateTime(2026, 11, 19, 9, 0, 0, DateTimeKind.Utc)),
        ],
    };

    public static string[] Lines(ChatMessage m) => PlainTextRenderer.Render(m).Split('\n');
}
