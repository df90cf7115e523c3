using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>A frontline pattern through Slack payloads: fixes by slash command, the post as Block Kit, its stop proposed from a modal.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackPatternTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync()
    {
        host.Slack.Users["UANA"] = ("Ana", "ana@acme.example", "America/New_York");
        host.Slack.Users["UTOM"] = ("Tom", "tom@acme.example", "Europe/London");
        host.Slack.Users["UJO"] = ("Jo", "jo@acme.example", "America/Chicago");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Pattern_PostedAsBlockKit_ProposeAStopFromItsModal_LinksTheStopToThePattern()
    {
        await host.CommandAsync("channel leadership");
        await host.CommandAsync("role <@UTOM|tom> executive");
        foreach (var what in new[] { "Booking sync failed overnight, re-ran it", "Re-ran the failed booking sync for the clinic",
                     "Booking sync failed again, fixed the calendar by hand", "The booking sync failed; re-entered the appointments",
                     "Failed booking sync: restored Tuesday's bookings" })
        {
            var reply = await host.CommandAsync($"resolved \"{what}\" stage:\"Get help\" cost:20", user: "UJO", channel: "DJO");
            Assert.Contains("Logged", (string?)reply["text"]);
        }

        Assert.Equal(1, await host.App.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Patterns, CancellationToken.None)));
        var post = await Eventually.Async(async () => host.Slack.Of("chat.postMessage").FirstOrDefault(c => (string?)c.Args["channel"] == "CLEAD"),
            what: "the pattern's post");
        var blocks = post.Args["blocks"]!.AsArray();
        BlockKitLimits.AssertWithin(blocks);
        var shown = blocks.ToJsonString(AccountabilityBot.Web.Slack.SlackJson.Relaxed);
        Assert.Contains("5 fixes at Get help in the last 14 days share the words “failed”, “booking”, “sync”", shown);
        Assert.Contains("<@UJO> (5)", shown);

        var ask = blocks.SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .First(e => ((string?)e!["action_id"])?.StartsWith("cx_ask") == true && ((string)e["value"]!).Contains("stop propose"))!;
        await host.InteractAsync(SlackHost.Click("UTOM", (string)ask["action_id"]!, (string)ask["value"]!, "CLEAD"));
        var view = Assert.Single(host.Slack.Of("views.open")).Args["view"]!.AsObject();
        Assert.Contains("What should we stop doing", view.ToJsonString(AccountabilityBot.Web.Slack.SlackJson.Relaxed));
        await host.InteractAsync(SlackHost.Submission("UTOM", view, "Nightly booking sync without a failure alert", "VPAT"));

        var stop = await Eventually.Async(() => host.App.WithDbAsync(db => db.StopItems.FirstOrDefaultAsync()), what: "the stop item");
        Assert.Equal(("Nightly booking sync without a failure alert", 1), (stop.Title, stop.PatternId));
        Assert.StartsWith("Frontline pattern F-1: 5 fixes at Get help sharing “failed booking sync” (R-1, R-2, R-3, R-4, R-5)", stop.Rationale);
        Assert.Equal(PatternStatus.StopProposed, await host.App.WithDbAsync(db => db.FrontlinePatterns.Select(p => p.Status).SingleAsync()));
    }
}
