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
/// The FirstDueOn migration on each provider: commitments made and moved through the chat, then the column taken away (as
/// before the upgrade) and the migration run again, get back the date first promised, read from the answer to their `commit`.
/// </summary>
[Collection(WebTests.Name)]
public sealed class FirstDueOnMigrationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migration_ReadsTheDateFirstPromised_FromTheAnswerToTheCommit_OnlyForCommitmentsWhoseDateMoved(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        foreach (var text in new[]
        {
            "commit Call every lost clinic due:2026-12-04",
            "commit Fix the refund form due:2026-12-04",
            "commit Say when the new due date is on every invoice due:2026-12-10",
            "update C-1 at-risk due:2026-12-11",
            "update C-1 blocked \"vendor again\" due:2026-12-18",
            "update C-3 on-track due:2026-12-20",
            "update C-2 on-track \"still fine\"",
        })
            Assert.Contains("✅", (await host.App.SayAsync("ana", text)).Text);
        await host.App.WithDbAsync(async db =>
        {
            // Moved with no answer to read its first date from (made before the inbox kept answers): it stays unknown.
            var ana = await db.Members.SingleAsync();
            db.Commitments.Add(new Commitment
            {
                Title = "Older", OwnerId = ana.Id, DueOn = new(2026, 12, 30), CreatedById = ana.Id, CreatedAt = DateTime.UtcNow,
                Updates = [new() { Status = CommitmentStatus.OnTrack, NewDueOn = new(2026, 12, 30), ById = ana.Id, At = DateTime.UtcNow }],
            });
            return await db.SaveChangesAsync();
        });
        var kept = await FirstDueOnAsync(host.App);
        Assert.Equal([new DateOnly(2026, 12, 4), null, new DateOnly(2026, 12, 10), null], kept);

        await host.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_FirstDueOn", StringComparison.Ordinal)) - 1]);
            await migrator.MigrateAsync();
            return 0;
        });

        Assert.Equal(kept, await FirstDueOnAsync(host.App));
    }

    static Task<List<DateOnly?>> FirstDueOnAsync(BotApplication app) =>
        app.WithDbAsync(db => db.Commitments.OrderBy(c => c.Id).Select(c => c.FirstDueOn).ToListAsync());
}
