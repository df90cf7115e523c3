using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Demo;

/// <summary>
/// Fills an empty database with a realistic quarter of a small supplier's life, so a newcomer sees a full weekly review
/// at once. The same clock always gives the same data: the random source is seeded and every date counts back from today.
/// </summary>
public sealed class DemoData(AppDbContext db, TimeProvider clock)
{
    const int Seed = 20261126;

    /// <summary>Seeds the sample data; returns false and changes nothing when any member exists.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        // A retrying execution strategy (PostgreSQL) refuses user transactions unless the whole unit runs inside it.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Members.AnyAsync(ct)) return false;
            try
            {
                await SeedInTransactionAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                // The rolled-back entities would otherwise be re-inserted, half-keyed, by a retry or a later save.
                db.ChangeTracker.Clear();
                throw;
            }
            return true;
        });
    }

    async Task SeedInTransactionAsync(CancellationToken ct)
    {
        var rng = new Random(Seed);
        var dates = new DemoDates(clock);
        var cast = new DemoCast(dates);
        db.Members.AddRange(cast.All);
        await db.SaveChangesAsync(ct); // members need ids: many records hold them as plain foreign keys
        var stages = await DemoSettings.EnsureStagesAsync(db, ct);

        var groups = DemoCustomers.BuildGroups();
        var customers = DemoCustomers.Build(groups, cast.Frontline, rng);
        var events = DemoEvents.Build(customers, cast.Cco, dates, rng);
        var stories = DemoStories.Build(events.StorySubjects, cast.Cco, dates);
        var stops = DemoStopList.Build(cast, dates);
        db.CustomerGroups.AddRange(groups);
        db.Customers.AddRange(customers);
        db.CustomerEvents.AddRange(events.All);
        db.LostStories.AddRange(stories);
        db.StopItems.AddRange(stops);
        db.Resolutions.AddRange(DemoResolutions.Build(cast, stages, customers, dates, rng));
        var prompts = DemoPrompts.Build(cast, dates);
        db.Prompts.AddRange(prompts);
        await DemoSettings.EnsureCadenceAsync(db, ct);
        await DemoSettings.EnsureChannelsAsync(db, cast.Cco, dates.Now, ct);
        await DemoSettings.EnsureScoreboardSharedAsync(db, cast.Cco, dates.Now, ct);
        await db.SaveChangesAsync(ct); // stories and stop items need ids before anything can cite them

        var touchpoints = DemoTouchpoints.Build(cast, stages, dates);
        db.Touchpoints.AddRange(touchpoints);
        await db.SaveChangesAsync(ct);
        db.TouchpointValues.AddRange(DemoTouchpoints.Values(touchpoints, dates, rng));

        var commitments = DemoCommitments.Build(cast, stages, stories, dates);
        var decisions = DemoDecisions.Build(cast, stories, stops, dates);
        db.Commitments.AddRange(commitments);
        db.Decisions.AddRange(decisions);
        await db.SaveChangesAsync(ct);

        DemoAudit.Record(db, dates.Now, [
            ("members", cast.All.Count()), ("customers", customers.Count), ("customer events", events.All.Count),
            ("lost-customer stories", stories.Count), ("stop-list items", stops.Count), ("commitments", commitments.Count),
            ("decisions", decisions.Count), ("frontline resolutions", DemoResolutions.Count), ("prompts", prompts.Count),
            ("touchpoints", touchpoints.Count),
        ]);
        await db.SaveChangesAsync(ct);
    }
}
