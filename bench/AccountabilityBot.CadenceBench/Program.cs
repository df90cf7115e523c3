// The cadence at scale: the weekly review to N leadership channels and morning nudges to M owners, through the real
// host services, outbox and platform senders, against fakes that answer after a network-like delay and enforce the
// platforms' documented limits (Slack: 1 post/s per channel and a workspace-wide rate; Teams: 7/s, 8/2 s, 60/30 s per
// conversation and 50/s per app). Reports wall time against the floor those limits allow, 429s, duplicates and losses.
// Usage: dotnet run -c Release --project bench/AccountabilityBot.CadenceBench -- [channels=500] [owners=5000] [latencyMs=50] [platforms=slack,teams]
// or, the review from real bot processes (SQLite; PostgreSQL; two on one PostgreSQL database; see InstancesBench):
//   … -- instances [channels=500] [Slack:WorkspacePostsPerMinute=300] [latencyMs=50] [sqlite,postgres,postgres2] [rounds=1] [fake's rate]
using System.Collections.Concurrent;
using System.Diagnostics;
using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Teams;
using Microsoft.EntityFrameworkCore;

if (args.FirstOrDefault() == "instances")
{
    await InstancesBench.RunAsync(args[1..]);
    return;
}

var channels = args.Length > 0 ? int.Parse(args[0]) : 500;
var owners = args.Length > 1 ? int.Parse(args[1]) : 5000;
var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2]) : 50);
var platforms = (args.Length > 3 ? args[3] : "slack,teams").Split(',');
var slackPerMinute = new SlackSettings().WorkspacePostsPerMinute;
Console.WriteLine($"channels={channels} owners={owners} latency={latency.TotalMilliseconds} ms; Slack workspace limit {slackPerMinute}/min; Teams 50/s per app");
Console.WriteLine("| platform | post | targets | wall | floor | wall/floor | 429s | duplicates | lost |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");

if (platforms.Contains("slack"))
{
    await using var slack = await RateLimitedSlack.StartAsync(latency, slackPerMinute);
    await using var app = await StartAsync(["--Slack:BotToken=xoxb-bench", "--Slack:SigningSecret=bench-secret", "--Slack:ApiBaseUrl=" + slack.BaseUrl], null);
    await SeedAsync(app.Services, ChatPlatform.Slack, channels, owners, i => $"C{i}", i => $"U{i}");
    var perSecond = slackPerMinute / 60.0;
    await MeasureAsync(app, "Slack", "review", channels, 1, slack.Received, () => slack.RateLimited, (channels - 1) / perSecond);
    await MeasureAsync(app, "Slack", "nudges", owners, 1, slack.Received, () => slack.RateLimited, (owners - 1) / perSecond);
    Console.WriteLine($"(Slack: {slack.Opens} conversations.open calls for {owners} owners' DMs)");
}

if (platforms.Contains("teams"))
{
    var teams = new RateLimitedTeams(latency);
    await using var app = await StartAsync(
        ["--Teams:AppId=6e0f6a3c-2d4b-4c55-9c5e-0c3b1f7a9d21", "--Teams:AppPassword=bench", "--Teams:TokenEndpoint=https://login.bench/token"],
        services =>
        {
            services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => teams);
            services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => teams);
        });
    await SeedAsync(app.Services, ChatPlatform.Teams, channels, owners, i => $"19:ch{i}@thread.tacv2", i => $"29:u{i}");
    var cards = await ReviewCardsAsync(app.Services);
    // A sliding second of 50 lets the first 50 through at once; each further 50 needs another second.
    await MeasureAsync(app, "Teams", "review", channels, cards, teams.Received, () => teams.RateLimited, Math.Max(0, channels * cards - 50) / 50.0, teams.Arrivals);
    await MeasureAsync(app, "Teams", "nudges", owners, 1, teams.Received, () => teams.RateLimited, Math.Max(0, owners - 50) / 50.0, teams.Arrivals);
}

static async Task<WebApplication> StartAsync(string[] platformArgs, Action<IServiceCollection>? configure)
{
    var data = Directory.CreateTempSubdirectory("abot-cadence-bench").FullName;
    var builder = WebApplication.CreateBuilder([
        "--Database:DataDirectory=" + data, "--Jobs:RunServer=false", "--Bot:DefaultTimeZone=UTC", "--Logging:LogLevel:Default=Error", .. platformArgs,
    ]);
    builder.AddBotCore();
    builder.AddPersistence();
    builder.AddLocalChannel();
    builder.AddSlack();
    builder.AddTeams();
    builder.AddJobs();
    configure?.Invoke(builder.Services);
    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    return app;
}

static async Task MeasureAsync(WebApplication app, string platform, string kind, int targets, int perTarget,
    ConcurrentDictionary<string, int> received, Func<int> rateLimited, double floorSeconds, ConcurrentQueue<long>? arrivals = null)
{
    arrivals?.Clear();
    var started = Stopwatch.GetTimestamp();
    received.Clear();
    var limitedBefore = rateLimited();
    var expected = targets * perTarget;
    var watch = Stopwatch.StartNew();
    await using (var scope = app.Services.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<CadenceRunner>().RunAsync(kind, CancellationToken.None);
    // What one job could not finish within its delivery budget is the sweeper's (every minute); here it runs back to back.
    var giveUp = TimeSpan.FromSeconds(floorSeconds * 2 + 120);
    while (received.Values.Sum() < expected && watch.Elapsed < giveUp)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<Outbox>().DeliverDueAsync(expected, CancellationToken.None) == 0) await Task.Delay(100);
    }
    watch.Stop();
    await Task.Delay(TimeSpan.FromSeconds(2)); // room for a late duplicate to show up
    var duplicates = received.Count(r => r.Value > perTarget);
    var lost = targets - received.Count;
    Console.WriteLine($"| {platform} | {kind} | {targets} | {watch.Elapsed.TotalSeconds:F1} s | {floorSeconds:F1} s | {watch.Elapsed.TotalSeconds / floorSeconds:F2} "
        + $"| {rateLimited() - limitedBefore} | {duplicates} | {lost} |");
    if (arrivals is { IsEmpty: false })
        Console.WriteLine($"  (first post arrived after {Stopwatch.GetElapsedTime(started, arrivals.Min()).TotalSeconds:F1} s, the last after {Stopwatch.GetElapsedTime(started, arrivals.Max()).TotalSeconds:F1} s)");
}

static async Task<int> ReviewCardsAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var review = await scope.ServiceProvider.GetRequiredService<WeeklyReview>().PreviewAsync(CancellationToken.None);
    return AdaptiveCardRenderer.Render(review).Count;
}

static async Task SeedAsync(IServiceProvider services, ChatPlatform platform, int channels, int owners, Func<int, string> channelId, Func<int, string> userId)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTime.UtcNow;
    var cco = new Member { Platform = platform, PlatformUserId = userId(0), DisplayName = "CCO", Role = Role.Cco, JoinedAt = now };
    db.Members.Add(cco);
    await db.SaveChangesAsync();
    db.ChannelBindings.AddRange(Enumerable.Range(1, channels).Select(i => new ChannelBinding
        { Platform = platform, ConversationId = channelId(i), Purpose = ChannelPurpose.Leadership, BoundById = cco.Id, BoundAt = now }));
    var tomorrow = DateOnly.FromDateTime(now).AddDays(1);
    for (var i = 1; i <= owners; i++)
    {
        var owner = new Member { Platform = platform, PlatformUserId = userId(i), DisplayName = $"Owner {i}", Role = Role.Executive, TimeZone = "UTC", JoinedAt = now };
        db.Commitments.Add(new Commitment { Title = $"Call back lost clinic {i}", Owner = owner, DueOn = tomorrow, CreatedById = cco.Id, CreatedAt = now });
    }
    if (platform == ChatPlatform.Teams) SeedTeamsReferences(db, channels, owners, channelId, userId, now);
    await db.SaveChangesAsync();
    await CadenceDefaults.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<BotSettings>(), CancellationToken.None);
    // Open every owner's morning window now: nudges at the current minute, UTC.
    var nudges = await db.CadenceSettings.SingleAsync(c => c.Kind == CadenceKinds.Nudges);
    nudges.LocalTime = TimeOnly.FromDateTime(now.AddMinutes(-1));
    await db.SaveChangesAsync();
}

// What Teams would have told the bot as it was installed: each channel's and each person's conversation.
static void SeedTeamsReferences(AppDbContext db, int channels, int owners, Func<int, string> channelId, Func<int, string> userId, DateTime now)
{
    const string ServiceUrl = "https://smba.bench/amer/";
    for (var i = 1; i <= channels; i++)
        db.Add(new TeamsConversation { ConversationId = channelId(i), ServiceUrl = ServiceUrl, ConversationType = "channel", UpdatedAt = now });
    for (var i = 0; i <= owners; i++)
    {
        db.Add(new TeamsConversation { ConversationId = $"a:dm{i}", ServiceUrl = ServiceUrl, ConversationType = "personal", UpdatedAt = now });
        db.Add(new TeamsUser { UserId = userId(i), ServiceUrl = ServiceUrl, DirectConversationId = $"a:dm{i}", UpdatedAt = now });
    }
}
