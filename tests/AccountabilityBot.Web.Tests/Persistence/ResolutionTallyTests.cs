using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>The hourly tally is kept by the database's triggers, on each provider: inserts, deletes and moves of At.</summary>
[Collection(WebTests.Name)]
public sealed class ResolutionTallyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Tally_CountsInserts_Deletes_AndMovesBetweenHours(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        await app.SayAsync("ana", "help");
        var nine = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            var by = await db.Members.Select(m => m.Id).FirstAsync();
            db.Resolutions.AddRange(
                new Resolution { What = "a", ById = by, At = nine.AddMinutes(5) },
                new Resolution { What = "b", ById = by, At = nine.AddMinutes(59.5) },
                new Resolution { What = "c", ById = by, At = nine.AddHours(1).AddMinutes(1) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal([(nine, 2), (nine.AddHours(1), 1)], await TallyAsync(app));

        await app.WithDbAsync(async db =>
        {
            db.Resolutions.Remove(await db.Resolutions.SingleAsync(r => r.What == "a"));
            (await db.Resolutions.SingleAsync(r => r.What == "c")).At = nine.AddMinutes(30);
            return await db.SaveChangesAsync();
        });
        Assert.Equal([(nine, 2), (nine.AddHours(1), 0)], await TallyAsync(app));
    }

    static Task<List<(DateTime, int)>> TallyAsync(BotApplication app) => app.WithDbAsync(async db =>
        (await db.ResolutionTallies.OrderBy(t => t.Hour).ToListAsync()).Select(t => (t.Hour, t.Count)).ToList());
}
