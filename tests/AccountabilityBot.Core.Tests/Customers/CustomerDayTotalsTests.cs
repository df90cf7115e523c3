using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AccountabilityBot.Core.Domain.CustomerEventKind;
using static AccountabilityBot.Core.Tests.Customers.ImportFixture;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>
/// The daily roll-up the database keeps (triggers on each provider) must always equal the events summed directly: after
/// imports, re-imports that change an event's value, kind, date, reason or customer group, and EF's writes.
/// </summary>
public sealed class CustomerDayTotalsTests : IDisposable
{
    readonly ImportFixture f = new();

    public void Dispose() => f.Dispose();

    sealed record Key(DateOnly Day, CustomerEventKind Kind, int GroupId, string Reason, int Count, decimal Value);

    const string First = Header + """

        2026-11-02,won,C-1,Good Co,Clinics,1000,,,,,E-1
        2026-11-02,won,C-2,Fine Co,Clinics,2000.50,,,,,E-2
        2026-11-03,lost,C-3,Gone Co,Labs,300,,Price,They left.,,E-3
        2026-11-03,lost,C-4,Left Co,Labs,400,,Price,,,E-4
        2026-11-04,renewed,C-1,Good Co,Clinics,1100,,Great team,,,E-5
        2026-11-04,referral,C-5,Told Co,,500,,,,C-1,E-6
        2026-11-05,lost,C-6,Quiet Co,,50.25,,,,,E-7
        """;

    [Fact]
    public async Task Import_ThenReimportChangingValueKindDateReasonAndGroup_RollUpEqualsTheEvents()
    {
        await f.ImportAsync(First);
        Assert.Equal(await FromEventsAsync(), await RolledUpAsync());
        Assert.Equal(7, (await RolledUpAsync()).Sum(k => k.Count));

        // The same file again: nothing changes.
        await f.ImportAsync(First);
        Assert.Equal(await FromEventsAsync(), await RolledUpAsync());

        var changed = First
            .Replace("2026-11-02,won,C-2,Fine Co,Clinics,2000.50", "2026-11-02,won,C-2,Fine Co,Clinics,2100.75") // value
            .Replace("2026-11-03,lost,C-4,Left Co,Labs,400,,Price", "2026-11-03,renewed,C-4,Left Co,Labs,400,,Loyal") // kind, reason
            .Replace("2026-11-05,lost,C-6", "2026-11-09,lost,C-6") // date
            .Replace("C-1,Good Co,Clinics", "C-1,Good Co,Dental"); // group: the customer's other events move too
        var report = await f.ImportAsync(changed + "\n2026-11-09,won,C-7,New Co,Dental,700,,,,,E-8\n");
        Assert.Equal((1, 7), (report.Inserted, report.Updated));
        var rolled = await RolledUpAsync();
        Assert.Equal(await FromEventsAsync(), rolled);
        await using var db = f.Database.NewContext();
        var dental = await db.CustomerGroups.Where(g => g.Name == "Dental").Select(g => g.Id).SingleAsync();
        Assert.Equal(3, rolled.Where(k => k.GroupId == dental).Sum(k => k.Count));
        Assert.DoesNotContain(rolled, k => k.Day == new DateOnly(2026, 11, 5));
    }

    [Fact]
    public async Task EfWrites_AddMoveAndDeleteEvents_RollUpEqualsTheEvents()
    {
        await f.ImportAsync(First);
        await using (var db = f.Database.NewContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.ExternalId == "C-5");
            db.CustomerEvents.Add(new CustomerEvent
            {
                CustomerId = customer.Id, Kind = Lost, OccurredOn = new DateOnly(2026, 11, 6), AnnualValue = 99.99m, Reason = "price ",
                RecordedAt = DateTime.UtcNow,
            });
            customer.Group = new CustomerGroup { Name = "Vets" };
            await db.SaveChangesAsync();
        }
        Assert.Equal(await FromEventsAsync(), await RolledUpAsync());

        await using (var db = f.Database.NewContext())
        {
            var moved = await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-1");
            moved.OccurredOn = moved.OccurredOn.AddDays(30);
            moved.AnnualValue += 0.01m;
            db.CustomerEvents.Remove(await db.CustomerEvents.Include(e => e.Story).SingleAsync(e => e.ExternalId == "E-3"));
            (await db.Customers.SingleAsync(c => c.ExternalId == "C-4")).GroupId = null;
            await db.SaveChangesAsync();
        }
        Assert.Equal(await FromEventsAsync(), await RolledUpAsync());
        Assert.Equal(7, (await RolledUpAsync()).Sum(k => k.Count));
    }

    [Fact]
    public async Task Migration_FillsTheRollUpForEventsStoredBeforeIt()
    {
        await f.ImportAsync(First);
        await using (var db = f.Database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_CustomerDayTotals", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[mine - 1]); // undone: no roll-up, no triggers
            (await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-2")).AnnualValue += 1m;
            db.CustomerEvents.Remove(await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-6"));
            await db.SaveChangesAsync();
            await migrator.MigrateAsync();
        }
        var rolled = await RolledUpAsync();
        Assert.Equal(await FromEventsAsync(), rolled);
        Assert.Equal((6, 4_851.75m), (rolled.Sum(k => k.Count), rolled.Sum(k => k.Value)));
    }

    /// <summary>The roll-up's rows summed over shares, leaving out keys whose events have all gone.</summary>
    async Task<List<Key>> RolledUpAsync()
    {
        await using var db = f.Database.NewContext();
        var rows = await db.CustomerDayTotals.AsNoTracking().ToListAsync();
        return Sorted(rows.GroupBy(t => (t.Day, t.Kind, t.GroupId, t.Reason))
            .Select(g => new Key(g.Key.Day, g.Key.Kind, g.Key.GroupId, g.Key.Reason, g.Sum(t => t.Count), g.Sum(t => t.Value)))
            .Where(k => k.Count != 0 || k.Value != 0));
    }

    /// <summary>What the roll-up must hold, summed from the events and their customers' groups here.</summary>
    async Task<List<Key>> FromEventsAsync()
    {
        await using var db = f.Database.NewContext();
        var events = await db.CustomerEvents.AsNoTracking()
            .Select(e => new { e.OccurredOn, e.Kind, e.Customer.GroupId, e.Reason, e.AnnualValue }).ToListAsync();
        return Sorted(events
            .GroupBy(e => (e.OccurredOn, e.Kind, GroupId: e.GroupId ?? CustomerDayTotal.NoGroup, Reason: e.Kind is Lost or Renewed ? e.Reason ?? "" : ""))
            .Select(g => new Key(g.Key.OccurredOn, g.Key.Kind, g.Key.GroupId, g.Key.Reason, g.Count(), g.Sum(e => e.AnnualValue))));
    }

    static List<Key> Sorted(IEnumerable<Key> keys) =>
        [.. keys.OrderBy(k => k.Day).ThenBy(k => k.Kind).ThenBy(k => k.GroupId).ThenBy(k => k.Reason, StringComparer.Ordinal)];
}
