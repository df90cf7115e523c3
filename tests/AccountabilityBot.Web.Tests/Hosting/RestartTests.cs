using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

[Collection(WebTests.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_OnSameFiles_LosesNothing()
    {
        var folder = BotApplication.NewDataDirectory();
        var clock = new FakeTimeProvider(BotApplication.Thursday);
        await using (var first = new BotApplication(folder, clock))
        {
            await first.SayAsync("ana", "role @tom executive");
            await first.SayAsync("tom", "commit Fix onboarding due:friday");
            await first.SayAsync("ana", "cadence review wed 09:15 Europe/London");
        }

        await using var second = new BotApplication(folder, clock);
        var reply = await second.SayAsync("tom", "decide Hire a second onboarding specialist");
        Assert.Contains("D-1", reply.Text);
        Assert.Contains("C-1", (await second.SayAsync("tom", "mine")).Text);
        Assert.Equal("Europe/London", await second.WithDbAsync(db => db.CadenceSettings.Where(c => c.Kind == "review").Select(c => c.TimeZone).SingleAsync()));
        var transcript = await second.TranscriptAsync("leadership");
        Assert.Contains(transcript, i => i.Text == "commit Fix onboarding due:friday");
    }
}
