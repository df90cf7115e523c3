// The cadence at scale: the weekly review to N leadership channels and morning nudges to M owners, through the real
// host services and Slack sender against a loopback Slack that enforces one post per second per channel.
// Reports wall time, posts/s, 429s, duplicates and losses.
// Usage: dotnet run -c Release --project bench/AccountabilityBot.CadenceBench -- [channels=500] [owners=5000]
using System.Diagnostics;
using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Slack;
using Microsoft.EntityFrameworkCore;

var channels = args.Length > 0 ? int.Parse(args[0]) : 500;
var owners = args.Length > 1 ? int.Parse(args[1]) : 5000;
await using var slack = await RateLimitedSlack.StartAsync();
var data = Directory.CreateTempSubdirectory("abot-cadence-bench").FullName;

var builder = WebApplication.CreateBuilder([
    "--Database:DataDirectory=" + data, "--Slack:BotToken=xoxb-bench", "--Slack:SigningSecret=bench-secret",
    "--Slack:ApiBaseUrl=" + slack.BaseUrl, "--Jobs:RunServer=false", "--Bot:DefaultTimeZone=UTC",
    "--Logging:LogLevel:Default=Warning",
]);
builder.AddBotCore();
builder.AddPersistence();
builder.AddLocalChannel();
builder.AddSlack();
builder.AddJobs();
await using var app = builder.Build();
await app.PrepareDatabaseAsync();
await SeedAsync(app.Services, channels, owners);

await MeasureAsync("weekly review", channels, "review", prefix: "C");
await MeasureAsync("morning nudges", owners, "nudges", prefix: "DU");
Directory.Delete(data, recursive: true);

async Task MeasureAsync(string what, int expected, string kind, string prefix)
{
    slack.Received.Clear();
    var before = slack.RateLimited;
    var watch = Stopwatch.StartNew();
    await using (var scope = app.Services.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<CadenceRunner>().RunAsync(kind, CancellationToken.None);
    // Whatever was refused for the rate limit waits in the outbox: the sweeper's work, done here in a loop.
    while (slack.Received.Count(r => r.Key.StartsWith(prefix)) < expected && watch.Elapsed < TimeSpan.FromMinutes(5))
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Outbox>().DeliverDueAsync(expected, CancellationToken.None);
        await Task.Delay(200);
    }
    watch.Stop();
    var mine = slack.Received.Where(r => r.Key.StartsWith(prefix)).ToList();
    Console.WriteLine($"{what}: {mine.Count}/{expected} targets in {watch.Elapsed.TotalSeconds:F1} s ({expected / watch.Elapsed.TotalSeconds:F0} posts/s); "
        + $"429s {slack.RateLimited - before}; duplicates {mine.Count(r => r.Value > 1)}; lost {expected - mine.Count}; "
        + $"floor from the per-channel limit {(mine.Count == 0 ? 0 : mine.Max(r => r.Value) - 1)} s (one post per target)");
}

static async Task SeedAsync(IServiceProvider services, int channels, int owners)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTime.UtcNow;
    var cco = new Member { Platform = ChatPlatform.Slack, PlatformUserId = "U0", DisplayName = "CCO", Role = Role.Cco, JoinedAt = now };
    db.Members.Add(cco);
    await db.SaveChangesAsync();
    db.ChannelBindings.AddRange(Enumerable.Range(1, channels).Select(i => new ChannelBinding
        { Platform = ChatPlatform.Slack, ConversationId = $"C{i}", Purpose = ChannelPurpose.Leadership, BoundById = cco.Id, BoundAt = now }));
    var tomorrow = DateOnly.FromDateTime(now).AddDays(1);
    for (var i = 1; i <= owners; i++)
    {
        var owner = new Member { Platform = ChatPlatform.Slack, PlatformUserId = $"U{i}", DisplayName = $"Owner {i}", Role = Role.Executive, TimeZone = "UTC", JoinedAt = now };
        db.Commitments.Add(new Commitment { Title = $"Call back lost clinic {i}", Owner = owner, DueOn = tomorrow, CreatedById = cco.Id, CreatedAt = now });
    }
    await db.SaveChangesAsync();
    await CadenceDefaults.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<BotSettings>(), CancellationToken.None);
    // Open every owner's morning window now: nudges at the current minute, UTC.
    var nudges = await db.CadenceSettings.SingleAsync(c => c.Kind == CadenceKinds.Nudges);
    nudges.LocalTime = TimeOnly.FromDateTime(now.AddMinutes(-1));
    await db.SaveChangesAsync();
}
