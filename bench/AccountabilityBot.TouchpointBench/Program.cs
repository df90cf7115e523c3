// The touchpoint watch at scale on SQLite: 100 touchpoints with three years of daily values (109,500 rows), then the
// watch's run as the cadence job makes it (note recoveries, load every touchpoint's trend, plan, claim and post the alerts
// to the local channel),
// timed over several runs with the alert state reset between them, so each run finds and claims the same alerts.
// Usage: dotnet run -c Release --project bench/AccountabilityBot.TouchpointBench -- [touchpoints=100] [days=1095] [runs=7]
using System.Diagnostics;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

var touchpoints = args.Length > 0 ? int.Parse(args[0]) : 100;
var days = args.Length > 1 ? int.Parse(args[1]) : 1095;
var runs = args.Length > 2 ? int.Parse(args[2]) : 7;
await using var app = await BenchHost.StartAsync("abot-touchpoint-bench");

var seeding = Stopwatch.StartNew();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTime.UtcNow;
    var today = DateOnly.FromDateTime(now);
    var cco = await BenchHost.AddCcoWithLeadershipChannelAsync(db, now);
    var stages = await db.JourneyStages.OrderBy(s => s.Position).ToListAsync();
    var list = Enumerable.Range(1, touchpoints).Select(i => new Touchpoint
    {
        Name = $"Touchpoint {i}", StageId = stages[i % stages.Count].Id, Unit = "hours", Good = GoodDirection.Down, Threshold = 4,
        OwnerId = cco.Id, CreatedAt = now,
    }).ToList();
    db.Touchpoints.AddRange(list);
    await db.SaveChangesAsync();
    var rng = new Random(17);
    foreach (var t in list)
    {
        // A third drift up towards the threshold, a tenth end past it, the rest stay level.
        var drift = t.Id % 3 == 0 ? 0.002 : 0;
        db.TouchpointValues.AddRange(Enumerable.Range(0, days).Select(d => new TouchpointValue
        {
            TouchpointId = t.Id, On = today.AddDays(d - days), RecordedAt = now,
            Value = (decimal)Math.Round(t.Id % 10 == 0 && d == days - 1 ? 5 : 2 + drift * d + rng.NextDouble() * 0.3, 2),
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
Console.WriteLine($"{touchpoints} touchpoints × {days} days = {touchpoints * days:N0} values, seeded in {seeding.Elapsed.TotalSeconds:F1} s");

var times = new List<double>();
var alerts = 0;
for (var run = 0; run < runs; run++)
{
    await using (var reset = app.Services.CreateAsyncScope())
    {
        var db = reset.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Touchpoints.ExecuteUpdateAsync(s => s.SetProperty(t => t.AlertedAt, (DateTime?)null).SetProperty(t => t.RecoveredAt, (DateTime?)null));
        await db.OutboundMessages.ExecuteDeleteAsync();
    }
    var watch = Stopwatch.StartNew();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        alerts = await scope.ServiceProvider.GetRequiredService<TouchpointPosts>().RunAsync(CancellationToken.None);
    }
    times.Add(watch.Elapsed.TotalMilliseconds);
}
var first = times[0];
times.Sort();
Console.WriteLine($"watch runs: first (cold) {first:F0} ms; then min {times[0]:F0}, p50 {times[times.Count / 2]:F0}, max {times[^1]:F0} ms "
    + $"over {runs} runs; {alerts} alert(s) posted per run");
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
