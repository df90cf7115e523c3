using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>Customers at a journey stage, what they are worth a year, and a few of their names.</summary>
public sealed record AtStake(Tally Customers, IReadOnlyList<string> Names);

/// <summary>
/// The customers at a stage are those the frontline resolved something for there in the last <see cref="WindowDays"/>
/// days (customers carry no stage of their own; a resolution is where the record shows a customer at one). Each counts
/// with its yearly value: the annual value of its latest event, unless that event is its loss.
/// </summary>
public sealed class StageCustomers(AppDbContext db, TimeProvider clock)
{
    public const int WindowDays = 90, MaxNames = 5;

    public async Task<AtStake> AtStageAsync(int stageId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-WindowDays);
        var names = await db.Resolutions.AsNoTracking().Where(r => r.StageId == stageId && r.At >= since && r.CustomerName != null)
            .Select(r => r.CustomerName!.ToLower()).Distinct().ToListAsync(ct);
        if (names.Count == 0) return new AtStake(Tally.None, []);
        var events = await db.CustomerEvents.AsNoTracking()
            .Where(e => names.Contains(e.Customer.Name.ToLower()) && e.Kind != CustomerEventKind.Referral)
            .Select(e => new { e.CustomerId, Name = e.Customer.Name, e.Kind, e.OccurredOn, e.Id, e.AnnualValue }).ToListAsync(ct);
        var current = events.GroupBy(e => e.CustomerId)
            .Select(g => g.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).First())
            .Where(e => e.Kind != CustomerEventKind.Lost)
            .OrderByDescending(e => e.AnnualValue).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        var tally = current.Aggregate(Tally.None, (t, e) => t.Add(e.AnnualValue));
        return new AtStake(tally, [.. current.Take(MaxNames).Select(e => e.Name)]);
    }
}
