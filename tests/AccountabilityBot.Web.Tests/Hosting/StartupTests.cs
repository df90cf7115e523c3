using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

[Collection(WebTests.Name)]
public sealed class StartupTests
{
    [Fact]
    public async Task Demo_FirstStart_ShowsAWeeklyReviewInTheLeadershipChannel()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        var leadership = await app.TranscriptAsync("leadership");
        var review = Assert.Single(leadership, i => i.From == "bot");
        Assert.Contains("Weekly customer review", review.Text);
        Assert.NotEmpty(review.Buttons);
    }

    [Fact]
    public async Task UnknownDefaultTimeZone_RefusesToStart_WithAClearMessage()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Bot:DefaultTimeZone"] = "Mars/Olympus" });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Bot:DefaultTimeZone must be an IANA time zone", error.Message);
    }
}
