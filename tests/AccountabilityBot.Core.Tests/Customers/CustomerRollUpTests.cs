using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AccountabilityBot.Core.Domain.CustomerEventKind;
using static AccountabilityBot.Core.Tests.Customers.ImportFixture;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>
/// The daily and monthly roll-ups the database keeps (triggers on each provider) must always equal the events summed
/// directly: after imports, re-imports that change an event's value, kind, date (within its month or into another),
/// reason or customer group, EF's writes and deletes, and each roll-up's migration.
/// </summary>
public sealed class CustomerRollUpTests : IDisposable
{
    readonly ImportFixture f = new();

    public void Dispose() => f.Dispose();

    /// <summary>A roll-up's row summed over its shares: <paramref name="Period"/> is the day, or the month's first day.</summary>
    sealed record Key(DateOnly Period, CustomerEventKind Kind, int GroupId, string Reason, int Count, decimal Value);

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
        await AssertRollUpsEqualTheEventsAsync();
        Assert.Equal(7, (await DaysAsync()).Sum(k => k.Count));

        // The same file again: nothing changes.
        await f.ImportAsync(First);
        await AssertRollUpsEqualTheEventsAsync();

        var changed = First
            .Replace("2026-11-02,won,C-2,Fine Co,Clinics,2000.50", "2026-11-02,won,C-2,Fine Co,Clinics,2100.75") // value
            .Replace("2026-11-03,lost,C-4,Left Co,Labs,400,,Price", "2026-11-03,renewed,C-4,Left Co,Labs,400,,Loyal") // kind, reason
            .Replace("2026-11-05,lost,C-6", "2026-11-09,lost,C-6") // date, within its month
            .Replace("2026-11-04,referral,C-5", "2025-12-31,referral,C-5") // date, into another month and year
            .Replace("C-1,Good Co,Clinics", "C-1,Good Co,Dental"); // group: the customer's other events move too
        var report = await f.ImportAsync(changed + "\n2026-11-09,won,C-7,New Co,Dental,700,,,,,E-8\n");
        Assert.Equal((1, 7), (report.Inserted, report.Updated));
        await AssertRollUpsEqualTheEventsAsync();
        var (days, months) = (await DaysAsync(), await MonthsAsync());
        await using var db = f.Database.NewContext();
        var dental = await db.CustomerGroups.Where(g => g.Name == "Dental").Select(g => g.Id).SingleAsync();
        Assert.Equal(3, days.Where(k => k.GroupId == dental).Sum(k => k.Count));
        Assert.Equal(3, months.Where(k => k.GroupId == dental).Sum(k => k.Count));
        Assert.DoesNotContain(days, k => k.Period == new DateOnly(2026, 11, 5));
        Assert.Equal([(new DateOnly(2025, 12, 1), 1), (new DateOnly(2026, 11, 1), 7)],
            months.GroupBy(k => k.Period).Select(g => (g.Key, g.Sum(k => k.Count))));
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
        await AssertRollUpsEqualTheEventsAsync();

        await using (var db = f.Database.NewContext())
        {
            var moved = await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-1");
            moved.OccurredOn = moved.OccurredOn.AddDays(30); // into December
            moved.AnnualValue += 0.01m;
            (await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-5")).Kind = Won;
            db.CustomerEvents.Remove(await db.CustomerEvents.Include(e => e.Story).SingleAsync(e => e.ExternalId == "E-3"));
            (await db.Customers.SingleAsync(c => c.ExternalId == "C-4")).GroupId = null;
            await db.SaveChangesAsync();
        }
        await AssertRollUpsEqualTheEventsAsync();
        Assert.Equal(7, (await DaysAsync()).Sum(k => k.Count));
        Assert.Equal([(new DateOnly(2026, 11, 1), 6), (new DateOnly(2026, 12, 1), 1)],
            (await MonthsAsync()).GroupBy(k => k.Period).Select(g => (g.Key, g.Sum(k => k.Count))));
    }

    /// <summary>Undone back to before <paramref name="migration"/> (no roll-up or no monthly one), events changed, then redone.</summary>
    [Theory]
    [InlineData("CustomerDayTotals")]
    [InlineData("CustomerMonthTotals")]
    public async Task Migration_FillsTheRollUpsForEventsStoredBeforeIt(string migration)
    {
        await f.ImportAsync(First);
        await using (var db = f.Database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[mine - 1]);
            (await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-2")).AnnualValue += 1m;
            (await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-4")).OccurredOn = new DateOnly(2026, 10, 30);
            db.CustomerEvents.Remove(await db.CustomerEvents.SingleAsync(e => e.ExternalId == "E-6"));
            await db.SaveChangesAsync();
            await migrator.MigrateAsync();
        }
        await AssertRollUpsEqualTheEventsAsync();
        var days = await DaysAsync();
        Assert.Equal((6, 4_851.75m), (days.Sum(k => k.Count), days.Sum(k => k.Value)));
        Assert.Equal([(new DateOnly(2026, 10, 1), 1), (new DateOnly(2026, 11, 1), 5)],
            (await MonthsAsync()).GroupBy(k => k.Period).Select(g => (g.Key, g.Sum(k => k.Count))));
    }

    async Task AssertRollUpsEqualTheEventsAsync()
    {
        var events = await FromEventsAsync();
        Assert.Equal(events, await DaysAsync());
        Assert.Equal(Sum(events.Select(k => k with { Period = new DateOnly(k.Period.Year, k.Period.Month, 1) })), await MonthsAsync());
    }

    /// <summary>The daily roll-up's rows summed over shares, leaving out keys whose events have all gone.</summary>
    async Task<List<Key>> DaysAsync()
    {
        await using var db = f.Database.NewContext();
        return Sum(await db.CustomerDayTotals.AsNoTracking()
            .Select(t => new Key(t.Day, t.Kind, t.GroupId, t.Reason, t.Count, t.Value)).ToListAsync());
    }

    /// <summary>The monthly roll-up's rows summed over shares, leaving out keys whose events have all gone.</summary>
    async Task<List<Key>> MonthsAsync()
    {
        await using var db = f.Database.NewContext();
        return Sum(await db.CustomerMonthTotals.AsNoTracking()
            .Select(t => new Key(t.Month, t.Kind, t.GroupId, t.Reason, t.Count, t.Value)).ToListAsync());
    }

    /// <summary>What the daily roll-up must hold, summed from the events and their customers' groups here.</summary>
    async Task<List<Key>> FromEventsAsync()
    {
        await using var db = f.Database.NewContext();
        return Sum(await db.CustomerEvents.AsNoTracking()
            .Select(e => new Key(e.OccurredOn, e.Kind, e.Customer.GroupId ?? CustomerTotal.NoGroup,
                e.Kind == Lost || e.Kind == Renewed ? e.Reason ?? "" : "", 1, e.AnnualValue))
            .ToListAsync());
    }

    /// <summary>One key a row, in key order, without the keys that sum to nothing.</summary>
    static List<Key> Sum(IEnumerable<Key> keys) =>
    [
        .. keys.GroupBy(k => (k.Period, k.Kind, k.GroupId, k.Reason))
            .Select(g => new Key(g.Key.Period, g.Key.Kind, g.Key.GroupId, g.Key.Reason, g.Sum(k => k.Count), g.Sum(k => k.Value)))
            .Where(k => k.Count != 0 || k.Value != 0)
            .OrderBy(k => k.Period).ThenBy(k => k.Kind).ThenBy(k => k.GroupId).ThenBy(k => k.Reason, StringComparer.Ordinal),
    ];
}
