using System.Diagnostics;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ChannelBinding = AccountabilityBot.Core.Domain.ChannelBinding;

/// <summary>
/// The weekly review fanned out to N Slack channels by real bot processes: one on SQLite, one on PostgreSQL, two on
/// one PostgreSQL database (both running jobs and sharing Slack's rate through the database), against one rate-limited
/// fake Slack. The CCO sends the review from the local channel of the first; time runs until every channel has it.
/// </summary>
static class InstancesBench
{
    public static async Task RunAsync(string[] args)
    {
        var channels = args.Length > 0 ? int.Parse(args[0]) : 500;
        var perMinute = args.Length > 1 ? int.Parse(args[1]) : 300;
        var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2]) : 50);
        var configs = (args.Length > 3 ? args[3] : "sqlite,postgres,postgres2").Split(',');
        var rounds = args.Length > 4 ? int.Parse(args[4]) : 1;
        // The fake's own workspace limit, by default the bot's: set it higher to see how fast the bot itself can go.
        var fakePerMinute = args.Length > 5 ? int.Parse(args[5]) : perMinute;
        var dll = BotDll();
        Console.WriteLine($"channels={channels} Slack:WorkspacePostsPerMinute={perMinute} (fake Slack: {fakePerMinute}/min) "
            + $"latency={latency.TotalMilliseconds} ms; bot {dll}");
        Console.WriteLine("| database | instances | first post | wall | floor | wall/floor | 429s | duplicates | lost | posts by instance | bot CPU | load before/after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var round = 0; round < rounds; round++)
            foreach (var config in configs)
                await RunOneAsync(dll, config, channels, perMinute, fakePerMinute, latency);
    }

    static async Task RunOneAsync(string dll, string config, int channels, int perMinute, int fakePerMinute, TimeSpan latency)
    {
        var postgres = config.StartsWith("postgres", StringComparison.Ordinal);
        var instances = config.EndsWith('2') ? 2 : 1;
        var load = LoadAverage();
        await using var slack = await RateLimitedSlack.StartAsync(latency, fakePerMinute);
        var data = Directory.CreateTempSubdirectory("abot-fanout").FullName;
        var admin = Environment.GetEnvironmentVariable("ABOT_BENCH_POSTGRES");
        if (postgres && admin is null) throw new InvalidOperationException("Set ABOT_BENCH_POSTGRES (or run bench/fanout.sh, which starts a server).");
        var database = $"abot_fanout_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        var connection = postgres ? new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString : null;
        if (postgres) await AdminAsync(admin!, $"CREATE DATABASE {database}");
        try
        {
            var bots = new List<BenchBot>();
            try
            {
                bots.AddRange(await Task.WhenAll(Enumerable.Range(0, instances).Select(i =>
                {
                    var settings = new Dictionary<string, string>
                    {
                        ["Slack:BotToken"] = "xoxb-bench", ["Slack:SigningSecret"] = "bench-secret",
                        ["Slack:ApiBaseUrl"] = $"{slack.BaseUrl.Replace("/api/", "")}/{Sender(i)}/api/",
                        ["Slack:WorkspacePostsPerMinute"] = perMinute.ToString(), ["Local:Enabled"] = "true",
                        ["Bot:DefaultTimeZone"] = "UTC", ["Logging:LogLevel:Default"] = "Warning", ["Database:DataDirectory"] = data,
                    };
                    if (connection is not null) (settings["Database:Provider"], settings["ConnectionStrings:Accountability"]) = ("Postgres", connection);
                    return BenchBot.StartAsync(dll, settings);
                })));
                await using (var db = Context(connection, data)) await SeedAsync(db, channels);
                var cpuBefore = bots.Sum(b => b.Cpu.TotalMilliseconds);
                var watch = Stopwatch.StartNew();
                var sent = await bots[0].Client.PostAsJsonAsync("/local/messages",
                    new { user = "ana", channel = "leadership", text = "cadence review send" });
                if (!sent.IsSuccessStatusCode || !(await sent.Content.ReadAsStringAsync()).Contains("Sending review now"))
                    throw new InvalidOperationException("The review was not sent: " + await sent.Content.ReadAsStringAsync());
                var floor = (channels - 1) * 60.0 / perMinute;
                double? first = null; // the job's pick-up (Jobs:PollInterval) and the review's composing come before it
                while (slack.Received.Count < channels && watch.Elapsed.TotalSeconds < floor * 2 + 180)
                {
                    if (first is null && !slack.Received.IsEmpty) first = watch.Elapsed.TotalSeconds;
                    await Task.Delay(50);
                }
                var wall = watch.Elapsed.TotalSeconds;
                var cpu = (bots.Sum(b => b.Cpu.TotalMilliseconds) - cpuBefore) / 1000;
                await Task.Delay(TimeSpan.FromSeconds(5)); // room for a late second post to show up
                var duplicates = slack.Received.Count(r => r.Value > 1);
                var bySender = string.Join(" / ", Enumerable.Range(0, instances).Select(i => slack.BySender.GetValueOrDefault(Sender(i))));
                Console.WriteLine($"| {(postgres ? "PostgreSQL" : "SQLite")} | {instances} | {first:F1} s | {wall:F1} s | {floor:F1} s | {wall / floor:F2} "
                    + $"| {slack.RateLimited} "
                    + $"| {duplicates} | {channels - slack.Received.Count} | {bySender} | {cpu:F1} s | {load} / {LoadAverage()} |");
            }
            finally
            {
                foreach (var bot in bots) await bot.DisposeAsync();
            }
        }
        finally
        {
            if (postgres) await AdminAsync(admin!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(data, recursive: true);
        }
    }

    // The CCO (on the local channel, who sends the review) and N Slack leadership channels.
    static async Task SeedAsync(AppDbContext db, int channels)
    {
        var now = DateTime.UtcNow;
        var cco = new Member { Platform = ChatPlatform.Local, PlatformUserId = "ana", DisplayName = "Ana", Role = Role.Cco, JoinedAt = now };
        db.Members.Add(cco);
        await db.SaveChangesAsync();
        db.ChannelBindings.AddRange(Enumerable.Range(1, channels).Select(i => new ChannelBinding
            { Platform = ChatPlatform.Slack, ConversationId = $"C{i}", Purpose = ChannelPurpose.Leadership, BoundById = cco.Id, BoundAt = now }));
        await db.SaveChangesAsync();
    }

    static AppDbContext Context(string? postgres, string data) => postgres is not null
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(data, PersistenceExtensions.FileName)}").Options);

    static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // The bot's own Release build (built with this bench, as its reference), run as a deployment runs it.
    static string BotDll()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "AccountabilityBot.sln")))
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Run from the repository.");
        var dll = Path.Combine(dir, "src", "AccountabilityBot.Web", "bin", "Release", "net10.0", "AccountabilityBot.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the bot first: dotnet build -c Release src/AccountabilityBot.Web ({dll})");
    }

    static string Sender(int instance) => ((char)('a' + instance)).ToString();

    static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
