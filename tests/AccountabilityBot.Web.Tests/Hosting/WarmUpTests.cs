using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Hosting;

[Collection(WebTests.Name)]
public sealed class WarmUpTests
{
    [Fact]
    public async Task WarmUp_RunsACommandAndAsksSlackWhoTheBotIs_LeavingNothingInTheDatabase()
    {
        await using var host = new SlackHost(new Dictionary<string, string?> { ["Hosting:WarmUp"] = "true" });
        host.App.CreateClient();

        // The identity comes last, after the warm-up command, so once Slack was asked the command has run.
        await Eventually.Async(() => Task.FromResult(host.Slack.Of("auth.test").Count > 0 ? "asked" : null), what: "auth.test from the warm-up");
        // The background run only logs a failure; run the command part again where a failure shows (a schema it cannot copy).
        await WarmUpExtensions.WarmUpAsync(host.App.Services);
        Assert.Empty(await host.App.WithDbAsync(db => db.Members.Select(m => m.PlatformUserId).ToListAsync()));
        Assert.Empty(await host.App.WithDbAsync(db => db.ReceivedCommands.Select(r => r.DeliveryId).ToListAsync()));

        // The first real speaker is the first member, and so the CCO: the warm-up's speaker never existed.
        var reply = await host.CommandAsync("help", user: "UANA");
        Assert.Contains("UANA", await host.App.WithDbAsync(db => db.Members.Where(m => m.Role == AccountabilityBot.Core.Domain.Role.Cco).Select(m => m.PlatformUserId).ToListAsync()));
        Assert.NotNull(reply["blocks"]);
    }
}
