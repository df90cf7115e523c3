// Review composition time on the demo data set: seeds a fresh SQLite file, then loads and composes the weekly
// review repeatedly (a new DbContext each time, as the job does) and prints p50/p95.
using System.Diagnostics;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Demo;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Web.Persistence;
using Microsoft.EntityFrameworkCore;

if (args is ["charts", ..]) // the chart picture alone: dotnet run -c Release --project bench/AccountabilityBot.Bench -- charts 1000
{
    ChartBench.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
    return;
}
var runs = args.Length > 0 ? int.Parse(args[0]) : 200;
var folder = Directory.CreateTempSubdirectory("abot-bench").FullName;
var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
var settings = new BotSettings { DefaultTimeZone = "America/New_York" };

await using (var db = new SqliteAppDbContext(options))
{
    await db.Database.MigrateAsync();
    await new DemoData(db, TimeProvider.System).SeedAsync(CancellationToken.None);
}

var timings = new List<double>();
for (var i = 0; i < runs + 10; i++)
{
    var watch = Stopwatch.StartNew();
    await using var db = new SqliteAppDbContext(options);
    var review = new WeeklyReview(new ReviewLoader(db), db, TimeProvider.System, settings);
    var message = await review.PreviewAsync(CancellationToken.None);
    watch.Stop();
    if (i >= 10) timings.Add(watch.Elapsed.TotalMilliseconds); // the first runs warm up EF's query cache and the JIT
    if (message.Blocks.Count == 0) throw new InvalidOperationException("The review came out empty.");
}
timings.Sort();
Console.WriteLine($"review composition on demo data: runs={runs} p50={timings[runs / 2]:F1} ms p95={timings[(int)(runs * 0.95)]:F1} ms max={timings[^1]:F1} ms");
await using (var db = new SqliteAppDbContext(options))
    TeamsBench.Cards(await new WeeklyReview(new ReviewLoader(db), db, TimeProvider.System, settings).PreviewAsync(CancellationToken.None), runs);
await TeamsBench.TokensAsync(runs);
Directory.Delete(folder, recursive: true);
