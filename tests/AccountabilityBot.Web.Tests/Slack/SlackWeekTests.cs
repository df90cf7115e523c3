using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>A leadership week driven only through Slack payloads, checked by what the fake Slack received.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackWeekTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync()
    {
        host.Slack.Users["UANA"] = ("Ana", "ana@acme.example", "America/New_York");
        host.Slack.Users["UMARIA"] = ("Maria", "maria@acme.example", "America/New_York");
        host.Slack.Users["UTOM"] = ("Tom", "tom@acme.example", "Europe/London");
        host.Slack.Users["UJO"] = ("Jo", "jo@acme.example", "America/Chicago");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Week_FromSlashCommandsToTheMondayReviewAndAClickOnIt_RecordsAndPostsEverything()
    {
        // Thursday: the CCO sets up in #leadership (CLEAD); leaders commit and decide; the frontline resolves by DM.
        await host.CommandAsync("cadence review mon 08:00 America/New_York");
        Assert.Contains("leadership", (string?)(await host.CommandAsync("channel leadership"))["text"]);
        await host.CommandAsync("role <@UMARIA|maria> executive");
        await host.CommandAsync("role <@UTOM|tom> executive");
        Assert.Contains("C-1", (string?)(await host.CommandAsync("commit Fix the onboarding email sequence due:friday stage:Onboard", user: "UTOM"))["text"]);
        Assert.Contains("C-2",
            (string?)(await host.CommandAsync("commit Call every lost dental clinic owner:<@UMARIA|maria> due:2026-12-11", user: "UMARIA"))["text"]);
        await host.CommandAsync(
            "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries in October, and nobody called.\"",
            user: "UMARIA");
        var decided = await host.CommandAsync(
            "decide Waive the cancellation fee for customers hit by the October outage owner:<@UMARIA|maria> due:2026-12-15 re:L-1", user: "UMARIA");
        Assert.Contains("D-1", (string?)decided["text"]);
        var dm = FakeSlack.Fixture("event_callback_message_im.json");
        dm["event"]!["user"] = "UJO";
        dm["event"]!["channel"] = "DJO";
        dm["event"]!["text"] = "resolved \"Refunded shipping for a late delivery\" customer:\"ACME Dental\" stage:Delivery cost:25";
        await host.EventAsync(dm);
        Assert.Contains("R-1", await Eventually.Async(async () => host.Slack.PostedTo("DJO").FirstOrDefault(), what: "Jo's DM reply"));

        // Monday 08:00 in New York: the review goes to #leadership through chat.postMessage, as Block Kit.
        host.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero));
        host.App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CadenceJob>(j => j.RunAsync("review", CancellationToken.None));
        var review = await Eventually.Async(async () => host.Slack.Of("chat.postMessage").FirstOrDefault(c => (string?)c.Args["channel"] == "CLEAD"),
            what: "the review");
        var blocks = review.Args["blocks"]!.AsArray();
        BlockKitLimits.AssertWithin(blocks);
        var shown = blocks.ToJsonString(AccountabilityBot.Web.Slack.SlackJson.Relaxed);
        foreach (var expected in new[] { "ACME Dental", "36,000", "Three missed deliveries", "C-1", "D-1", "<@UTOM>" }) Assert.Contains(expected, shown);
        Assert.Contains("ACME Dental", (string?)review.Args["text"]);

        // Maria answers the story's "record a decision" button: a modal, then the decision is recorded against L-1.
        var ask = blocks.SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .First(e => ((string?)e!["action_id"])?.StartsWith("cx_ask") == true && ((string)e["value"]!).Contains("decide"))!;
        await host.InteractAsync(SlackHost.Click("UMARIA", (string)ask["action_id"]!, (string)ask["value"]!, (string)review.Args["channel"]!));
        var view = Assert.Single(host.Slack.Of("views.open")).Args["view"]!.AsObject();
        await host.InteractAsync(SlackHost.Submission("UMARIA", view, "Call ACME's office manager this week", "VWEEK"));
        var decision = await Eventually.Async(() => host.App.WithDbAsync(db => db.Decisions.OrderBy(d => d.Id).Skip(1).FirstOrDefaultAsync()),
            what: "the second decision");
        Assert.Equal("Call ACME's office manager this week", decision.Text);
        Assert.True(await host.App.WithDbAsync(db => db.AuditTrail.AnyAsync(a => a.Subject == "D-2" && a.Platform == ChatPlatform.Slack)));

        var maria = await host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "UMARIA"));
        Assert.Equal(("Maria", "maria@acme.example", "America/New_York", Role.Executive), (maria.DisplayName, maria.Email, maria.TimeZone, maria.Role));
        Assert.DoesNotContain(host.Slack.Calls, c => c.Status != 200);
    }
}
