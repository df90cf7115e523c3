using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>The <c>pattern</c> and <c>patterns</c> verbs through the real host on the local channel (Thursday 26 Nov 2026).</summary>
[Collection(ChatHostTests.Name)]
public sealed class PatternChatTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "help");
        await app.SayAsync("ana", "role @tom executive");
        await app.SayAsync("ana", "role @fran frontline");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task FixAsync(string what) => app.SayAsync("fran", $"resolved \"{what}\" stage:\"Get help\" cost:15");

    [Fact]
    public async Task Threshold_SetByTheCco_DecidesWhatTheListShows()
    {
        await FixAsync("Reset the booking sync by hand after the nightly job failed");
        await FixAsync("Booking sync failed overnight, re-ran it for the clinic");
        await FixAsync("Re-ran the failed booking sync");
        Assert.Contains("No pattern in the last 14 days", (await app.SayAsync("fran", "patterns")).Text);

        var set = await app.SayAsync("ana", "pattern threshold 3 in:1w quiet:30d");
        Assert.Contains("A frontline pattern is now 3 fixes in 7 days, quiet for 30 days once answered", set.Text);
        var rule = await app.WithDbAsync(db => db.PatternRules.SingleAsync());
        Assert.Equal((3, 7, 30), (rule.Size, rule.WindowDays, rule.QuietDays));

        var list = await app.SayAsync("fran", "pattern list");
        Assert.Contains("3 or more fixes in 7 days", list.Text);
        Assert.Contains("“failed booking sync” at Get help: 3 fixes, $45 (R-3, R-2, R-1)", list.Text);
    }

    [Theory]
    [InlineData("tom", "pattern dismiss F-1", "Why dismiss it?")]
    [InlineData("tom", "pattern dismiss F-9 \"not a pattern\"", "There is no frontline pattern F-9")]
    [InlineData("tom", "pattern dismiss S-1 \"not a pattern\"", "S-1 is a stop item; pattern dismiss takes a frontline pattern reference like F-1")]
    [InlineData("fran", "pattern dismiss F-1 \"not a pattern\"", "executive")]
    [InlineData("tom", "pattern threshold 3 in:7d", "CCO")]
    [InlineData("ana", "pattern threshold 1 in:7d", "between 2 and 1000 fixes")]
    [InlineData("ana", "pattern threshold five in:7d", "'five' isn't a whole number")]
    [InlineData("ana", "pattern threshold 5", "Within how many days?")]
    [InlineData("ana", "pattern threshold 5 in:soon", "in: takes days, like in:14d or in:2w; 'soon' isn't that")]
    [InlineData("ana", "pattern threshold 5 in:400d", "in: must be between 1 and 365 days")]
    [InlineData("ana", "pattern forget F-1", "I don't know 'pattern forget'; use list, dismiss, threshold or check")]
    [InlineData("tom", "stop propose \"Cold calls\" re:T-1", "stop propose re: takes the frontline pattern it answers, like re:F-3; T-1 is a touchpoint")]
    [InlineData("tom", "stop propose \"Cold calls\" re:F-4", "There is no frontline pattern F-4")]
    public async Task BadInput_IsRefusedWithAClearMessage_AndNothingIsWritten(string who, string text, string expected)
    {
        var reply = await app.SayAsync(who, text);
        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.PatternRules.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.StopItems.CountAsync()));
    }

    [Fact]
    public async Task Help_ShowsTheVerbWithItsExample()
    {
        var help = await app.SayAsync("ana", "help pattern");
        Assert.Contains("pattern dismiss F-3 \"REASON\"", help.Text);
        Assert.Contains("pattern threshold 5 in:14d", help.Text);
    }
}
