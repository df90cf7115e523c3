using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>`me away` and `me quiet` from Slack's slash command, in the zone of the member's Slack profile; the DM through Slack's Web API.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackAwayTests : IAsyncLifetime
{
    // Thu 26 Nov 2026 20:00 UTC: already Friday 05:00 in Tokyo.
    readonly SlackHost host = new(now: new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    Task<int> RunAsync(string kind) => host.App.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(kind, CancellationToken.None));

    IReadOnlyList<string> DmsToTom() => host.Slack.PostedTo("DUTOM");

    [Fact]
    public async Task AwayUntilTomorrow_InTheSlackProfilesZone_ThenQuietHoursHoldTheFirstNudgeBack_UntilTheyEnd()
    {
        host.Slack.Users["UTOM"] = ("Tom", "tom@acme.example", "Asia/Tokyo");
        await host.CommandAsync("help");
        await host.CommandAsync("role <@UTOM|tom> executive");
        await host.CommandAsync("commit Fix the onboarding email due:today", user: "UTOM");
        var away = (await host.CommandAsync("me away until:tomorrow", user: "UTOM")).ToJsonString();
        Assert.Contains("through Fri 27 Nov 2026; back on Sat 28 Nov 2026 by itself", away);
        Assert.Contains("22:00", (await host.CommandAsync("me quiet 22:00-09:30", user: "UTOM")).ToJsonString());

        host.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)); // Fri 09:00 in Tokyo: away
        Assert.Equal(0, await RunAsync(CadenceKinds.Nudges));

        host.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)); // Sat 09:00: back, but quiet until 09:30
        Assert.Equal(1, await RunAsync(CadenceKinds.Nudges));
        await host.App.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(10, CancellationToken.None));
        Assert.Empty(DmsToTom());

        host.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.Zero));
        await host.App.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(10, CancellationToken.None));
        var nudge = Assert.Single(await Eventually.Async(() => Task.FromResult(DmsToTom() is { Count: > 0 } posted ? posted : null),
            what: "the nudge held by quiet hours"));
        Assert.Contains("C-1", nudge);
    }
}
