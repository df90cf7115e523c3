using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>
/// After the app is uninstalled or its token revoked, posts for Slack are held (not failed, not lost), Slack is not
/// called, the CCO is told where the bot can still reach them, and what was held goes out once a working token is seen.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackUninstallTests : IAsyncLifetime
{
    static readonly Dictionary<string, string?> WithLocalPage = new() { ["Local:Enabled"] = "true" };
    SlackHost host = new(WithLocalPage);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    PlatformPauses Pauses => host.App.Services.GetRequiredService<PlatformPauses>();

    [Fact]
    public async Task TokensRevoked_MentionAndReviewAreHeldAndTheCcoToldLocally_ThenANewTokenDeliversThemOnce()
    {
        await SetUpLeadershipAsync();
        host.Slack.Uninstall();
        await host.EventAsync(FakeSlack.Fixture("event_callback_tokens_revoked.json"));
        await Eventually.Async(() => Task.FromResult(Pauses.IsPaused(ChatPlatform.Slack) ? "paused" : null), what: "Slack paused");
        var callsWhenRevoked = host.Slack.Calls.Count;

        await host.EventAsync(Mention("help commit", "EvMention"));
        await Eventually.Async(() => HeldAsync("reply"), what: "the mention's reply, held");
        Assert.True(await host.App.WithScopeAsync(sp => sp.GetRequiredService<CadenceJob>().RunAsync("review", CancellationToken.None)) > 0);
        await Task.Delay(600); // a wrongly queued delivery would run by now

        Assert.Empty(host.Slack.Calls.Skip(callsWhenRevoked)); // not even users.info for the mention's author
        var held = await host.App.WithDbAsync(db => db.OutboundMessages.Where(o => o.Platform == ChatPlatform.Slack).ToListAsync());
        Assert.Equal(["reply", "review"], held.Select(o => o.Kind).Order());
        Assert.All(held, o => Assert.Equal((false, 0), (o.IsFinished, o.Attempts)));
        var notice = await Eventually.Async(async () =>
                (await host.App.TranscriptAsync("leadership")).FirstOrDefault(i => i.Text.Contains("can't reach Slack")),
            what: "the notice on the local page");
        Assert.Contains("Reinstall the app", notice.Text);

        // Reinstalled: the new token is put in the settings, auth.test accepts it, and what was held goes out once.
        host.Slack.Reinstall("xoxb-reinstalled");
        var config = (IConfigurationRoot)host.App.Services.GetRequiredService<IConfiguration>();
        config["Slack:BotToken"] = "xoxb-reinstalled";
        config.Reload();
        await Eventually.Async(() => Task.FromResult(host.Slack.PostedTo("CLEAD").Count == 1 && host.Slack.PostedTo("C111").Count == 1 ? "sent" : null),
            what: "the held review and reply");
        Assert.False(Pauses.IsPaused(ChatPlatform.Slack));
        await Eventually.Async(async () => (await host.App.TranscriptAsync("leadership")).FirstOrDefault(i => i.Text.Contains("Slack works again")),
            what: "the all-clear on the local page");
        await Task.Delay(600);
        Assert.Single(host.Slack.PostedTo("CLEAD"));
        Assert.Single(host.Slack.PostedTo("C111"));
        Assert.All(host.Slack.Of("chat.postMessage"), c => Assert.Equal("xoxb-reinstalled", c.Token));
    }

    [Fact]
    public async Task RevokedWithoutTheEvent_TheFirstRefusedCallHolds_ARestartAsksOnlyAuthTest_AndAReinstalledRestartDeliversOrDropsWhatWasHeld()
    {
        await SetUpLeadershipAsync();
        host.Slack.Uninstall(); // and the tokens_revoked event never arrives
        Assert.True(await host.App.WithScopeAsync(sp => sp.GetRequiredService<CadenceJob>().RunAsync("review", CancellationToken.None)) > 0);
        await Eventually.Async(() => HeldAsync("review"), what: "the review, held");
        Assert.True(Pauses.IsPaused(ChatPlatform.Slack));
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.postMessage"); // the one that found out
        var soon = host.App.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await host.App.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().PostOnceAsync(
            new OutboxPost(new ChatAddress(ChatPlatform.Slack, "CLEAD"), "nudge:test", "nudges", NotAfter: soon),
            _ => Task.FromResult(ChatMessage.Text("due this morning")),
            CancellationToken.None));

        // Restarted while still uninstalled: auth.test says so at start-up, and nothing else is asked of Slack.
        var slack = host.Slack;
        var folder = host.App.DataDirectory;
        await host.DisposeAsync();
        host = new SlackHost(WithLocalPage, host.App.Clock.GetUtcNow().AddMinutes(30), folder, slack);
        var before = slack.Calls.Count;
        host.App.CreateClient();
        await Task.Delay(1500); // the start-up sweep and a minute's sweep had their chance
        Assert.Equal(["auth.test"], slack.Calls.Skip(before).Select(c => c.Method));
        Assert.True(Pauses.IsPaused(ChatPlatform.Slack));

        // Reinstalled, restarted with the new token two hours on: the review goes out once, the stale nudge is dropped.
        slack.Reinstall("xoxb-reinstalled");
        await host.DisposeAsync();
        host = new SlackHost(new Dictionary<string, string?>(WithLocalPage) { ["Slack:BotToken"] = "xoxb-reinstalled" },
            BotApplication.Thursday.AddHours(2.5), folder, slack);
        host.App.CreateClient();
        await Eventually.Async(async () =>
                await host.App.WithDbAsync(db => db.OutboundMessages.AnyAsync(o => o.Kind == "nudges" && o.DroppedAt != null)) ? "dropped" : null,
            what: "the stale nudge dropped");
        await Eventually.Async(() => Task.FromResult(slack.PostedTo("CLEAD").Count == 1 ? "sent" : null), what: "the held review");
        await Task.Delay(600);
        Assert.Single(slack.PostedTo("CLEAD"));
    }

    async Task SetUpLeadershipAsync()
    {
        host.Slack.Users["UANA"] = ("Ana", "ana@acme.example", "America/New_York");
        host.Slack.BotUserId = "W111"; // as in the mention fixture
        Assert.Contains("leadership", (string?)(await host.CommandAsync("channel leadership"))["text"]); // Ana, the first speaker, is the CCO
    }

    async Task<string?> HeldAsync(string kind) =>
        await host.App.WithDbAsync(db => db.OutboundMessages.AnyAsync(o => o.Kind == kind && o.Platform == ChatPlatform.Slack
            && o.SentAt == null && o.FailedAt == null && o.DroppedAt == null && o.LeaseUntil == null)) ? "held" : null;

    static JsonObject Mention(string text, string eventId)
    {
        var envelope = FakeSlack.Fixture("event_callback_app_mention.json");
        envelope["event"]!["text"] = "<@W111> " + text;
        envelope["event_id"] = eventId;
        return envelope;
    }
}
