using System.Data.Common;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Jobs;

/// <summary>
/// Two runs of the pattern search at once (two instances on one database, or the daily job and `pattern check`), each with
/// a database context of its own, both finding the same new pattern before either has written it.
/// </summary>
[Collection(WebTests.Name)]
public sealed class PatternRaceTests
{
    /// <summary>Stops one context just before it begins a transaction, until released.</summary>
    sealed class TransactionGate : DbTransactionInterceptor
    {
        public DbContext? Stop;
        public readonly TaskCompletionSource Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && ReferenceEquals(context, Stop))
            {
                Stop = null;
                Reached.TrySetResult();
                await Released.Task;
            }
            return result;
        }
    }

    /// <summary>
    /// The second run checked the outbox before the first claimed anything, and starts writing while the first holds its
    /// new pattern uncommitted: on PostgreSQL its insert of the same key waits for the first's commit and then fails as a
    /// unique-key violation; on SQLite it waits for the first's write to end and finds its row. Either way it treats the
    /// pattern as found: no error, one F-1 with its evidence once, one post to leadership.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TwoRunsFindTheSameNewPattern_TheSecondTreatsItAsFound_NoErrorNoSecondPostNoDuplicateEvidence(string provider)
    {
        var gate = new TransactionGate();
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday), services: s =>
        {
            s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(gate));
            s.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(gate));
        });
        var app = host.App;
        await app.SayAsync("ana", "channel leadership", channel: "exec");
        for (var i = 0; i < 6; i++)
            Assert.Contains("Logged", (await app.SayAsync(i % 2 == 0 ? "fran" : "jo",
                $"resolved \"Carrier missed the delivery, sent a replacement (box {i})\" stage:Delivery", channel: "frontline")).Text);

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var firstPlan = await first.ServiceProvider.GetRequiredService<PatternPosts>().PlanAsync(CancellationToken.None);
        var secondPlan = await second.ServiceProvider.GetRequiredService<PatternPosts>().PlanAsync(CancellationToken.None);
        Assert.Equal(firstPlan.Select(p => p.Post.Key), secondPlan.Select(p => p.Post.Key));

        gate.Stop = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondRun = Task.Run(() => second.ServiceProvider.GetRequiredService<Outbox>().PostAllAsync(secondPlan, CancellationToken.None));
        await gate.Reached.Task; // it found nothing claimed yet

        var firstWrote = firstPlan.Select(p => p with
        {
            Compose = async ct =>
            {
                var message = await p.Compose(ct); // the pattern's row is written, not yet committed
                gate.Released.TrySetResult();
                if (host.Database is { } postgres)
                    await Eventually.Async(async () => await postgres.ScalarAsync<long>(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0 ? "waiting" : null,
                        what: "the second run waiting for the first's pattern");
                return message;
            },
        }).ToList();
        Assert.Equal(1, await first.ServiceProvider.GetRequiredService<Outbox>().PostAllAsync(firstWrote, CancellationToken.None));
        Assert.Equal(0, await secondRun);

        var pattern = await app.WithDbAsync(db => db.FrontlinePatterns.Include(p => p.Evidence).SingleAsync());
        Assert.Equal(6, pattern.Evidence.Select(e => e.ResolutionId).Distinct().Count());
        Assert.Equal(6, await app.WithDbAsync(db => db.Set<Core.Domain.PatternEvidence>().CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundMessages.CountAsync(o => o.Kind == PatternPosts.Kind)));
        var posted = await Eventually.Async(async () => (await app.TranscriptAsync("exec")).Where(i => i.Text.Contains("Frontline pattern: F-1")).ToList()
            is { Count: > 0 } posts ? posts : null, what: "the pattern's post");
        Assert.Single(posted);
    }
}
