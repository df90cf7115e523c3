using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>The pacing rows in PostgreSQL, as two instances see them.</summary>
[Collection(PacedTests.Name)]
public sealed class PostgresSendPacingTests
{
    // The pacing rows are all these tests need; a job server stopping after the database was away only slows disposal.
    static readonly Dictionary<string, string?> NoJobServer = new() { ["Jobs:RunServer"] = "false" };

    [PostgresFact]
    public async Task TwoInstances_BookingTurns_ShareOneChannelsPace()
    {
        await using var app = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday), NoJobServer);
        var first = app.App.Services.GetRequiredService<ISendPacing>();
        var second = Instance(app.Database!);
        PaceLimit[] channel = [new("slack:C1", 1, TimeSpan.FromSeconds(1))];

        // Ten instances' worth of bookings at once, alternating: each gets its own second.
        var booking = System.Diagnostics.Stopwatch.StartNew();
        var waits = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).BookAsync(channel, CancellationToken.None)));
        var took = booking.Elapsed.TotalSeconds;

        // The k-th send's second starts k seconds after the first booking; each wait counts from its own booking, which the
        // row lock queues behind the others (quick on a quiet machine, a good part of a second on a crowded one), so it is
        // up to that much short of k seconds.
        var sorted = waits.Order().ToList();
        Assert.Equal(Enumerable.Range(0, 10), sorted.Select(w => (int)Math.Ceiling(w.TotalSeconds - 0.1)));
        Assert.All(sorted.Select((w, k) => (Wait: w.TotalSeconds, k)), s =>
            Assert.True(s.Wait <= s.k + 0.1 && s.Wait >= s.k - took - 0.1,
                $"{s.Wait:0.000} s is not the start of second {s.k} (the bookings took {took:0.000} s)"));
    }

    [PostgresFact]
    public async Task Prune_RemovesIdleRows_KeepsBusyOnes_AndAPrunedKeyIsBookedAgain()
    {
        await using var app = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday), NoJobServer);
        _ = app.App.Services; // started: its migrations made the table
        var pacing = Instance(app.Database!);
        PaceLimit[] busy = [new("slack:CBUSY", 1, TimeSpan.FromMinutes(5))], idle = [new("slack:CIDLE", 1, TimeSpan.FromSeconds(1))];
        await pacing.BookAsync(busy, CancellationToken.None);
        await pacing.BookAsync(idle, CancellationToken.None);
        await app.Database!.ScalarAsync<int>("""UPDATE "SendPaces" SET "Next" = now() - interval '2 minutes' WHERE "Key" LIKE 'slack:CIDLE%'""");

        Assert.Equal(1, await pacing.PruneAsync(CancellationToken.None));

        Assert.Equal(1L, await app.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "SendPaces" WHERE "Key" LIKE 'slack:CBUSY%'"""));
        Assert.Equal(TimeSpan.Zero, await pacing.BookAsync(idle, CancellationToken.None));
        Assert.InRange(await pacing.BookAsync(busy, CancellationToken.None), TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
    }

    [PostgresFact]
    public async Task WhileTheDatabaseIsAway_AnInstancePacesItsOwnSends_AndSharesAgainWhenItIsBack()
    {
        await using var app = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday), NoJobServer);
        _ = app.App.Services;
        var pacing = Instance(app.Database!);
        PaceLimit[] channel = [new("slack:CAWAY", 1, TimeSpan.FromSeconds(1))];

        await app.Database!.TakeDownAsync();
        try
        {
            // A notice that nothing was recorded must still leave, and still one a second per channel.
            Assert.Equal(TimeSpan.Zero, await pacing.BookAsync(channel, CancellationToken.None));
            Assert.InRange(await pacing.BookAsync(channel, CancellationToken.None), TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(1));
            await pacing.HoldAsync(channel, TimeSpan.FromSeconds(5), CancellationToken.None); // a 429 while away: held here
            Assert.InRange(await pacing.BookAsync(channel, CancellationToken.None), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        }
        finally
        {
            await app.Database.BringBackAsync();
        }

        Assert.Equal(TimeSpan.Zero, await pacing.BookAsync(channel, CancellationToken.None)); // the shared row, empty so far
        Assert.Equal(1L, await app.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "SendPaces" WHERE "Key" LIKE 'slack:CAWAY%'"""));
    }

    static PostgresSendPacing Instance(PostgresDatabase database) => new(
        new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).Build(), NullLogger<PostgresSendPacing>.Instance);
}
