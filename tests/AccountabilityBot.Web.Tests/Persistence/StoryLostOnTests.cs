using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// <see cref="LostStory.LostOn"/> on each provider, kept by the database: set when a story is written, moved with its
/// event's date, cleared while the event is not a loss; and filled by the StoryLostOn migration for stories written before it.
/// </summary>
[Collection(WebTests.Name)]
public sealed class StoryLostOnTests
{
    static readonly DateOnly Oct5 = new(2026, 10, 5), Nov3 = new(2026, 11, 3);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LostOn_FollowsTheEvent_ThroughEveryChange(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        await app.WithDbAsync(db =>
        {
            var customer = new Customer { Name = "Dear Co" };
            db.CustomerEvents.AddRange(
                Event(customer, CustomerEventKind.Lost, Oct5, "Dear Co left over a price rise."),
                Event(customer, CustomerEventKind.Won, Nov3, "A story on a win is kept, but is no lost customer's."));
            return db.SaveChangesAsync();
        });
        Assert.Equal([Oct5, null], await LostOnAsync(app));

        await ChangeAsync(app, "Dear Co left over a price rise.", e => e.OccurredOn = Nov3);
        Assert.Equal([Nov3, null], await LostOnAsync(app));
        await ChangeAsync(app, "Dear Co left over a price rise.", e => e.Kind = CustomerEventKind.Renewed);
        Assert.Equal([null, null], await LostOnAsync(app));
        await ChangeAsync(app, "A story on a win is kept, but is no lost customer's.", e => e.Kind = CustomerEventKind.Lost);
        Assert.Equal([null, Nov3], await LostOnAsync(app));
        await ChangeAsync(app, "Dear Co left over a price rise.", e => (e.Kind, e.OccurredOn) = (CustomerEventKind.Lost, Oct5));
        Assert.Equal([Oct5, Nov3], await LostOnAsync(app));

        // The migration, run again over these stories with the column gone (as before the upgrade), fills it the same.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_StoryLostOn", StringComparison.Ordinal)) - 1]);
            await migrator.MigrateAsync();
            return 0;
        });
        Assert.Equal([Oct5, Nov3], await LostOnAsync(app));
        await ChangeAsync(app, "A story on a win is kept, but is no lost customer's.", e => e.OccurredOn = Oct5);
        Assert.Equal([Oct5, Oct5], await LostOnAsync(app));
    }

    static CustomerEvent Event(Customer customer, CustomerEventKind kind, DateOnly on, string story) => new()
    {
        Customer = customer, Kind = kind, OccurredOn = on, AnnualValue = 12_000m, RecordedAt = DateTime.UtcNow,
        Story = new LostStory { Narrative = story, CreatedAt = DateTime.UtcNow },
    };

    static Task<int> ChangeAsync(BotApplication app, string story, Action<CustomerEvent> change) => app.WithDbAsync(async db =>
    {
        change(await db.CustomerEvents.SingleAsync(e => e.Story!.Narrative == story));
        return await db.SaveChangesAsync();
    });

    static Task<List<DateOnly?>> LostOnAsync(BotApplication app) =>
        app.WithDbAsync(db => db.LostStories.AsNoTracking().OrderBy(s => s.Id).Select(s => s.LostOn).ToListAsync());
}
