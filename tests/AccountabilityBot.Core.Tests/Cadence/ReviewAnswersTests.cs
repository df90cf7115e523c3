using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;

namespace AccountabilityBot.Core.Tests.Cadence;

// The review shows every answer given since the previous review was composed, up to the moment it is composed.
public sealed class ReviewAnswersTests
{
    // Mondays in the team zone (UTC): the review goes out at 08:00.
    static readonly DateTimeOffset FirstReview = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    static async Task<CoreHarness> TeamAskedAsync()
    {
        var h = await new CoreHarness(now: new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)).WithTeamAsync();
        await h.SayAsync("ana", "channel leadership");
        await h.EnsureCadenceAsync();
        Assert.Equal(2, await h.RunCadenceAsync(CadenceKinds.Prompts));
        return h;
    }

    static async Task AnswerAsync(CoreHarness h, string who, string answer)
    {
        var button = h.Sent.Posts.Last(p => p.Conversation == "dm:" + who).Message.Blocks.OfType<ActionsBlock>().Single().Buttons.Single();
        Assert.Contains("P-", await h.SayAsync(who, button.Fill(answer), channel: "dm:" + who));
    }

    static string LastReview(CoreHarness h) => PlainTextRenderer.Render(h.Sent.Posts.Last(p => p.Conversation == "leadership").Message);

    [Fact]
    public async Task Review_AnswerGivenOnReviewMorning_IsInThatReviewAndNotRepeated()
    {
        using var h = await TeamAskedAsync();
        h.Clock.SetUtcNow(FirstReview.AddHours(-1)); // 07:00 on review day
        await AnswerAsync(h, "maria", "We called Acme back the same day.");

        h.Clock.SetUtcNow(FirstReview);
        Assert.Equal(1, await h.RunCadenceAsync(CadenceKinds.Review));
        Assert.Contains("We called Acme back the same day.", LastReview(h));

        // Tom answers after the review went out: he is in the next one, Maria is not shown again.
        h.Clock.SetUtcNow(FirstReview.AddHours(2));
        await AnswerAsync(h, "tom", "We stopped weekend call-backs.");
        h.Clock.SetUtcNow(FirstReview.AddDays(7));
        Assert.Equal(1, await h.RunCadenceAsync(CadenceKinds.Review));
        var next = LastReview(h);
        Assert.Contains("We stopped weekend call-backs.", next);
        Assert.DoesNotContain("We called Acme back", next);
    }

    [Fact]
    public async Task Preview_OnReviewMorning_ShowsAnswersGivenSoFar()
    {
        using var h = await TeamAskedAsync();
        h.Clock.SetUtcNow(FirstReview.AddHours(-2));
        await AnswerAsync(h, "maria", "Fewer hand-offs in onboarding.");

        Assert.Contains("Fewer hand-offs in onboarding.", await h.SayAsync("ana", "review"));
    }
}
