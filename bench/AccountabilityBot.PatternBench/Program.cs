// Frontline pattern detection at scale on SQLite: 1,000,000 resolutions spread over a year (about 38,000 in the default
// 14-day window), most in words of their own (made-up words), one in a hundred one of 20 recurring problems, mostly at
// that problem's own stage: the true clusters. Then the patterns job as the cadence runs it (read the window, find the clusters, plan, write the patterns and
// their evidence, claim and post to the local channel), timed over several runs with patterns and posts reset between
// them, so each run finds and raises the same patterns; and the search alone (what `patterns` and `pattern check` read).
// Usage: dotnet run -c Release --project bench/AccountabilityBot.PatternBench -- [resolutions=1000000] [days=365] [runs=7]
using System.Diagnostics;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Patterns;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

var total = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var days = args.Length > 1 ? int.Parse(args[1]) : 365;
var runs = args.Length > 2 ? int.Parse(args[2]) : 7;
await using var app = await BenchHost.StartAsync("abot-pattern-bench");

string[] problems =
[
    "missed delivery", "wrong address", "duplicate invoice", "locked account", "booking sync", "late refund", "damaged box",
    "expired card", "broken link", "wrong size", "missing tray", "password reset", "double charge", "slow courier", "lost parcel",
    "printer driver", "calendar invite", "tax code", "shipping label", "login loop",
];
string[] actions = ["Sorted out a", "Fixed the", "Handled a", "Dealt with the", "Apologised for the", "Made good on a", "Smoothed over a"];
string[] tails = ["for the front desk", "before the clinic opened", "on the phone", "by email", "same day", "with a goodwill credit",
    "and followed up", "while they waited", "at our cost", "without a ticket"];

var seeding = Stopwatch.StartNew();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTime.UtcNow;
    var cco = await BenchHost.AddCcoWithLeadershipChannelAsync(db, now);
    var stages = await db.JourneyStages.OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
    await db.Database.OpenConnectionAsync();
    var connection = db.Database.GetDbConnection();
    await using var tx = await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = "INSERT INTO Resolutions (What, CustomerName, StageId, Cost, ById, At) VALUES ($what, $customer, $stage, $cost, $by, $at)";
    var parameters = new[] { "$what", "$customer", "$stage", "$cost", "$by", "$at" }.Select(n =>
    {
        var p = insert.CreateParameter();
        p.ParameterName = n;
        insert.Parameters.Add(p);
        return p;
    }).ToArray();
    var rng = new Random(17);
    var span = TimeSpan.FromDays(days);
    for (var i = 0; i < total; i++)
    {
        // Each problem lands at its own stage most of the time, so a problem's fixes pile up at one stage as real ones do.
        var problem = rng.Next(problems.Length);
        var stage = rng.Next(4) == 0 ? stages[rng.Next(stages.Count)] : stages[problem % stages.Count];
        // Most fixes are one-offs in their own words; one in a hundred is one of the recurring problems.
        parameters[0].Value = rng.Next(100) == 0
            ? $"{actions[rng.Next(actions.Length)]} {problems[problem]} {tails[rng.Next(tails.Length)]} (ticket {rng.Next(100000)})"
            : $"{actions[rng.Next(actions.Length)]} {Word(rng)} {Word(rng)} {Word(rng)} (ticket {rng.Next(100000)})";
        parameters[1].Value = rng.Next(3) == 0 ? DBNull.Value : $"Customer {rng.Next(20000)}";
        parameters[2].Value = rng.Next(10) == 0 ? DBNull.Value : stage;
        parameters[3].Value = rng.Next(4) == 0 ? DBNull.Value : rng.Next(1, 30) * 500L; // hundredths, as the money converter stores
        parameters[4].Value = cco.Id;
        parameters[5].Value = (now - span * rng.NextDouble()).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
        await insert.ExecuteNonQueryAsync();
    }
    await tx.CommitAsync();
}
Console.WriteLine($"{total:N0} resolutions over {days} days seeded in {seeding.Elapsed.TotalSeconds:F1} s");

var searches = new List<double>();
var times = new List<double>();
var (found, posted, inWindow) = (0, 0, 0);
for (var run = 0; run < runs; run++)
{
    await using (var reset = app.Services.CreateAsyncScope())
    {
        var db = reset.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.PatternEvidence.ExecuteDeleteAsync();
        await db.FrontlinePatterns.ExecuteDeleteAsync();
        await db.OutboundMessages.ExecuteDeleteAsync();
    }
    var watch = Stopwatch.StartNew();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var search = await scope.ServiceProvider.GetRequiredService<PatternFinder>().FindAsync(CancellationToken.None);
        found = search.Candidates.Count;
    }
    searches.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        posted = await scope.ServiceProvider.GetRequiredService<PatternPosts>().RunAsync(CancellationToken.None);
    }
    times.Add(watch.Elapsed.TotalMilliseconds);
}
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var since = DateTime.UtcNow.AddDays(-PatternRule.DefaultWindowDays);
    inWindow = await db.Resolutions.CountAsync(r => r.At > since);
}
Console.WriteLine($"{inWindow:N0} resolutions in the {PatternRule.DefaultWindowDays}-day window; {found} pattern(s) found, {posted} post(s) per run");
Report("search alone", searches);
Report("job run (search, write, post)", times);
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");

// A made-up word from a vocabulary of 26^4 (letters only, so it counts as significant).
static string Word(Random rng) => string.Create(4, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + r.Next(26)); });

void Report(string what, List<double> ms)
{
    var first = ms[0];
    var sorted = ms.Order().ToList();
    Console.WriteLine($"{what}: first (cold) {first:F0} ms; then min {sorted[0]:F0}, p50 {sorted[sorted.Count / 2]:F0}, max {sorted[^1]:F0} ms "
        + $"over {ms.Count} runs");
}
