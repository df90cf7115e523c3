using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Stories;

/// <summary>Chooses the lost-customer story leadership hears next.</summary>
public static class StorySelector
{
    /// <summary>How far back an unpicked story may come from: older losses have usually been talked about already.</summary>
    public const int WindowDays = 90;

    /// <summary>
    /// The story the CCO picked most recently and that has not been told; otherwise the untold story of the most
    /// valuable loss in the <see cref="WindowDays"/> days ending <paramref name="to"/> (or from <paramref name="from"/>,
    /// if that reaches further back), most recent first on a tie. The story comes with its event, customer and group.
    /// </summary>
    public static async Task<LostStory?> StoryOfTheWeekAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
        => await PickedAsync(db, ct) ?? await MostValuableUntoldAsync(db, from, to, ct);

    /// <summary>The untold story of the most valuable recent loss: the story of the week when the CCO has picked none.</summary>
    public static async Task<LostStory?> MostValuableUntoldAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var stories = WithCustomer(db);
        var windowStart = to.AddDays(1 - WindowDays);
        var since = from < windowStart ? from : windowStart;
        // Money is stored as whole minor units (see the provider context), so the database orders by value.
        return await stories
            .Where(s => s.ToldAt == null && s.LostOn >= since && s.LostOn <= to)
            .OrderByDescending(s => s.Event.AnnualValue)
            .ThenByDescending(s => s.LostOn)
            .ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The CCO's pick: the story picked most recently that has not been told yet, with its event, customer and group.</summary>
    public static Task<LostStory?> PickedAsync(AppDbContext db, CancellationToken ct) =>
        WithCustomer(db).Where(s => s.PickedAt != null && s.ToldAt == null)
            .OrderByDescending(s => s.PickedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);

    static IQueryable<LostStory> WithCustomer(AppDbContext db) =>
        db.LostStories.Include(s => s.Event).ThenInclude(e => e.Customer).ThenInclude(c => c.Group);
}
