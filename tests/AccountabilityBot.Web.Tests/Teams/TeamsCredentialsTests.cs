using System.Net;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>
/// The bot's Teams credentials refused (client secret revoked or expired): posts are held and Teams is not called until a
/// restart finds them working.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsCredentialsTests : IAsyncLifetime
{
    const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    const string User = "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2-NSkNb7AyGYpjQ7Xw-XgTwaHW5JxZ4KMNDxn1kcL8fwX1Nw";

    TeamsHost host = new(new Dictionary<string, string?> { ["Teams:AppPassword"] = "a-revoked-secret" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RevokedPassword_ReplyAndReviewAreHeldWithoutCallingTeams_ThenARestartWithAWorkingOneDeliversThemOnce()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Activity("installation_update_add_team.json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.InChannel(Channel, "1759881511856", User, "rido", "channel leadership"))).StatusCode);
        Assert.True(host.App.Services.GetRequiredService<PlatformPauses>().IsPaused(ChatPlatform.Teams)); // start-up's check found out
        await Eventually.Async(async () => await host.App.WithDbAsync(db => db.OutboundMessages.AnyAsync(o => o.Kind == "reply")) ? "claimed" : null,
            what: "the reply, held");
        Assert.Equal(1, await host.InScopeAsync(sp =>
            sp.GetRequiredService<AccountabilityBot.Core.Cadence.Posts.ReviewPosts>().RunAsync(CancellationToken.None)));
        await Task.Delay(600);

        Assert.Empty(host.Fake.Calls); // nothing reached the Connector
        Assert.Equal(1, host.Fake.TokenRequests); // only start-up's check asked Entra ID
        var held = await host.App.WithDbAsync(db => db.OutboundMessages.Where(o => o.Platform == ChatPlatform.Teams).ToListAsync());
        Assert.Equal(["reply", "review"], held.Select(o => o.Kind).Order());
        Assert.All(held, o => Assert.Equal((false, 0), (o.IsFinished, o.Attempts)));

        // A new client secret, and a restart: what was held goes out, once.
        var (fake, folder) = (host.Fake, host.App.DataDirectory);
        await host.DisposeAsync();
        host = new TeamsHost(dataDirectory: folder, fake: fake);
        host.App.CreateClient();
        await Eventually.Async(() => Task.FromResult(fake.Posts.Count() == 2 ? "sent" : null), what: "the held reply and review");
        await Task.Delay(600);
        Assert.Equal(2, fake.Posts.Count());
    }
}
