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
        // The background run only logs a failure; run the command part again where a failure shows (a schema it cannot
        // copy). The file is up to date, so it does not wait for start-up's migration (which never ends here).
        await WarmUpExtensions.WarmUpAsync(host.App.Services, databaseReady: new TaskCompletionSource().Task).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await host.App.WithDbAsync(db => db.Members.Select(m => m.PlatformUserId).ToListAsync()));
        Assert.Empty(await host.App.WithDbAsync(db => db.ReceivedCommands.Select(r => r.DeliveryId).ToListAsync()));

        // The first real speaker is the first member, and so the CCO: the warm-up's speaker never existed.
        var reply = await host.CommandAsync("help", user: "UANA");
        Assert.Contains("UANA", await host.App.WithDbAsync(db =>
            db.Members.Where(m => m.Role == AccountabilityBot.Core.Domain.Role.Cco).Select(m => m.PlatformUserId).ToListAsync()));
        Assert.NotNull(reply["blocks"]);
    }

    [Fact]
    public async Task WarmUp_OnAFileWithoutTheLatestMigration_WaitsForStartUpsMigration()
    {
        await using var host = new SlackHost(new Dictionary<string, string?> { ["Hosting:WarmUp"] = "false" });
        host.App.CreateClient();
        var latest = await host.App.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}"));

        var migrated = new TaskCompletionSource();
        var warmUp = WarmUpExtensions.WarmUpAsync(host.App.Services, migrated.Task);
        Assert.NotSame(warmUp, await Task.WhenAny(warmUp, Task.Delay(500)));

        await host.App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" VALUES ({latest}, '10.0.0')"));
        migrated.SetResult();
        await warmUp.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await host.App.WithDbAsync(db => db.ReceivedCommands.Select(r => r.DeliveryId).ToListAsync()));
    }
}
