using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;
using static AccountabilityBot.Core.Tests.Reviews.SnapshotBuilder;

namespace AccountabilityBot.Core.Tests.Reviews;

public sealed class ReviewComposerTests
{
    static readonly BotSettings Settings = new() { CurrencySymbol = "$", EscalateAfterDays = 7 };

    [Fact]
    public void Compose_Header_NamesTheWeekEndingYesterday()
    {
        var message = ReviewComposer.Compose(Empty(), Settings);

        Assert.Equal(new HeaderBlock("Weekly customer review — week of 16–22 Nov 2026"), message.Blocks[0]);
    }

    [Fact]
    public void Compose_MarbleJar_ShowsWholeNumbersAndSignedNet()
    {
        var lines = Lines(ReviewComposer.Compose(Busy(), Settings));

        Assert.Contains("Won this week: 3 customers · $42,000 a year", lines);
        Assert.Contains("Lost this week: 4 customers · $23,000 a year", lines);
        Assert.Contains("Won in Q4 2026 so far: 5 customers · $60,000 a year", lines);
        Assert.Contains("Lost in Q4 2026 so far: 7 customers · $95,500 a year", lines);
        Assert.Contains("Net this week: −1 customer, +$19,000 a year", lines);
        Assert.Contains("Net Q4 2026 so far: −2 customers, −$35,500 a year", lines);
        Assert.Contains("This week: 🟢🟢🟢 won vs 🔴🔴🔴🔴 lost", lines);
    }

    [Fact]
    public void Compose_ManyMarbles_CapsTheLineAndCountsTheRest()
    {
        var s = Empty() with { Week = CustomerTotals.Empty with { Won = new Tally(23, 1m) } };

        var lines = Lines(ReviewComposer.Compose(s, Settings));

        Assert.Contains($"This week: {string.Concat(Enumerable.Repeat("🟢", 20))} +3 won vs none lost", lines);
        Assert.Contains("Net this week: +23 customers, +$1 a year", lines);
    }

    [Fact]
    public void Compose_LostReasons_RankedByCountThenValue()
    {
        var lines = Lines(ReviewComposer.Compose(Busy(), Settings)).ToList();

        var onboarding = lines.IndexOf("• Onboarding — 2 customers · $5,000 a year");
        var support = lines.IndexOf("• Slow support — 1 customer · $12,000 a year");
        var price = lines.IndexOf("• Price — 1 customer · $6,000 a year");
        Assert.True(onboarding > 0 && onboarding < support && support < price, string.Join("\n", lines));
    }

    [Fact]
    public void Compose_NoLossThisWeek_ShowsQuarterReasonsLabelled()
    {
        var s = Empty() with { Quarter = CustomerTotals.Empty with { LostReasons = [new("Price", 2, 9_000m)] } };

        var lines = Lines(ReviewComposer.Compose(s, Settings));

        Assert.Contains("No customers lost this week; these are the reasons for Q4 2026 so far.", lines);
        Assert.Contains("• Price — 2 customers · $9,000 a year", lines);
    }

    [Fact]
    public void Compose_RenewalsAndReferrals_ByGroupWithReasonsAndQuarter()
    {
        var lines = Lines(ReviewComposer.Compose(Busy(), Settings));

        Assert.Contains("• Enterprise: 1 renewal ($30,000 a year)", lines);
        Assert.Contains("• SMB: 1 referral ($8,000 a year)", lines);
        Assert.Contains("Why they renewed: Great support (1)", lines);
        Assert.Contains("Q4 2026 so far: 4 renewals ($120,000 a year), 2 referrals ($20,000 a year).", lines);
    }

    [Fact]
    public void Compose_OverdueBeyondThreshold_FlaggedAsEscalated()
    {
        var lines = Lines(ReviewComposer.Compose(Busy(), Settings)).ToList();

        var first = lines.IndexOf("• 🔺 C-1 Call every lost customer — @Ana · 8 days overdue · blocked · Renew");
        var second = lines.IndexOf("• C-2 Fix onboarding emails — @Ben · 7 days overdue · on track");
        Assert.True(first > 0 && second == first + 1, string.Join("\n", lines));
        Assert.Contains("🔺 1 commitment overdue by more than 7 days: escalated to the whole leadership team.", lines);
    }
}
