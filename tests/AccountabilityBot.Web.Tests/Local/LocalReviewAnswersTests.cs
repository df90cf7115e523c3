using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>Through the real host and its job server: an answer given on the day of the review is in that review.</summary>
[Collection(ChatHostTests.Name)]
public sealed class LocalReviewAnswersTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ReviewSent_AfterAnAnswerTheSameMorning_ShowsTheAnswer()
    {
        await app.SayAsync("ana", "channel leadership");
        await app.SayAsync("ana", "role @maria executive");
        await app.SayAsync("ana", "cadence prompts send");
        var prompt = await Eventually.Async(async () => (await app.TranscriptAsync("dm:maria")).FirstOrDefault(i => i.From == "bot"),
            what: "maria's weekly question");
        var answer = Assert.Single(prompt.Buttons);
        Assert.Contains("P-", (await app.SayAsync("maria", answer.Command.Replace("{answer}", "We called Acme back the same day."), "dm:maria")).Text);

        await app.SayAsync("ana", "cadence review send");

        var review = await Eventually.Async(async () => (await app.TranscriptAsync("leadership"))
                .LastOrDefault(i => i.From == "bot" && i.Text.StartsWith("Weekly customer review", StringComparison.Ordinal)),
            what: "the review posted to leadership");
        Assert.Contains("We called Acme back the same day.", review.Text);
    }
}
