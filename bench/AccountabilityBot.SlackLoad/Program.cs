// Load driver for the Slack slash-command path: starts the bot (Release build) as its own process with Slack
// settings and a loopback stand-in for Slack's Web API, then sends correctly signed `/cx resolved …` commands over
// loopback at fixed concurrency for a fixed time, reports req/s, p50/p90/p99 and errors, and counts the persisted rows.
// Usage: dotnet run -c Release --project bench/AccountabilityBot.SlackLoad -- [seconds=10] [concurrencies=32,128]
//        ... -- providers [seconds=10] [concurrencies=32,128] [rounds=2]: SQLite, PostgreSQL and two instances on
//               PostgreSQL, alternating (see ProviderComparison; ABOT_BENCH_POSTGRES names the server).
//        ... -- starts [rounds=5]: only the first answer after a start, on a new and then on the same database, each round.
//        ... -- memory [rounds=3]: resident memory 10 s after the first answer, the bot beside the memory floor of its
//               stack (bench/AccountabilityBot.MemoryFloor, published by bench/memory.sh), each round.
using System.Diagnostics;
using System.Net;
using System.Text;
using AccountabilityBot.Web.Slack;
using Microsoft.Data.Sqlite;

var providers = args is ["providers", ..];
if (providers) args = args[1..];
var startsOnly = args is ["starts", ..];
var memoryOnly = args is ["memory", ..];
var seconds = startsOnly || memoryOnly ? 0 : args.Length > 0 ? int.Parse(args[0]) : 10;
var levels = (args.Length > 1 && !startsOnly && !memoryOnly ? args[1] : "32,128").Split(',').Select(int.Parse).ToArray();
const string Secret = Bench.Secret;
var root = FindRepoRoot();
// The ReadyToRun publish that bench/slack-load.sh makes, else a plain Release build (JIT-compiled: slower to start).
var serverDll = new[] { "publish-r2r/", "" }.Select(dir => Path.Combine(root, $"src/AccountabilityBot.Web/bin/Release/net10.0/{dir}AccountabilityBot.Web.dll"))
    .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("Build first: bench/slack-load.sh, or dotnet build src/AccountabilityBot.Web -c Release");
Console.WriteLine($"server: {Path.GetRelativePath(root, serverDll)}");

await using var fakeSlack = await FakeSlackApi.StartAsync();
var data = Directory.CreateTempSubdirectory("abot-slack-load").FullName;
var port = Bench.FreePort();
var started = Stopwatch.StartNew();
if (startsOnly || memoryOnly)
{
    await (startsOnly ? StartsAsync(args.Length > 1 ? int.Parse(args[1]) : 5) : MemoryAsync(args.Length > 1 ? int.Parse(args[1]) : 3));
    return;
}
if (providers)
{
    var admin = Environment.GetEnvironmentVariable("ABOT_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("Set ABOT_BENCH_POSTGRES to an administrator's connection string (bench/slack-load.sh providers starts a server of its own).");
    await ProviderComparison.RunAsync((dir, at, extra) => StartServer(dataDirectory: dir, atPort: at, extra: extra), admin,
        seconds, levels, args.Length > 2 ? int.Parse(args[2]) : 2);
    return;
}
var server = StartServer();

// The bot, or another app given by its dll (the memory floor), which ignores the settings it has no use for.
Process StartServer(string? dll = null, string? dataDirectory = null, int? atPort = null, string[]? extra = null)
{
    var process = Process.Start(new ProcessStartInfo("dotnet",
    [
        dll ?? serverDll, "--urls", $"http://127.0.0.1:{atPort ?? port}", "--Database:DataDirectory=" + (dataDirectory ?? data),
        "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=xoxb-bench", "--Slack:ApiBaseUrl=" + fakeSlack.BaseUrl,
        "--Logging:LogLevel:Default=Warning", "--Jobs:WorkerCount=1", .. extra ?? [],
    ]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = levels.Max(), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    var client = new SlashClient(http, Secret);

    // First answer: from process start until a signed command is answered.
    await Bench.FirstAnswerAsync(http);
    Console.WriteLine($"first answer after start (new database): {started.ElapsedMilliseconds} ms");
    await Task.Delay(TimeSpan.FromSeconds(10));
    Console.WriteLine($"resident memory after 10 s idle: {ResidentMb(server.Id)} MB");

    // Warm-up, to measure the steady state a server runs in: EF's query cache, the 50 bench users enrolled (users.info
    // once each), and tiered compilation, which re-compiles hot precompiled (ReadyToRun) code with profile data. That
    // takes about 20 s under load: after 8 s the 32-connection level measured 1,800 req/s, run again later 2,000.
    var sent = await Bench.RunAsync([http], concurrency: 32, TimeSpan.FromSeconds(20), report: false);
    foreach (var concurrency in levels)
    {
        var (cpuBefore, driverCpuBefore) = (Bench.CpuMs(server.Id), Bench.CpuMs(Environment.ProcessId));
        var answered = await Bench.RunAsync([http], concurrency, TimeSpan.FromSeconds(seconds), report: true);
        // CPU time the server spent per command: steadier than req/s on a machine shared with other work. The driver
        // runs on the same cores, so its own share is shown too.
        Console.WriteLine($"  CPU per command: server {(Bench.CpuMs(server.Id) - cpuBefore) / (double)Math.Max(1, answered):F2} ms, " +
                          $"driver {(Bench.CpuMs(Environment.ProcessId) - driverCpuBefore) / (double)Math.Max(1, answered):F2} ms; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        sent += answered;
    }
    Console.WriteLine($"resident memory after load: {ResidentMb(server.Id)} MB");

    await Task.Delay(TimeSpan.FromSeconds(3)); // let any deferred command finish
    await using var db = new SqliteConnection($"Data Source={Path.Combine(data, "accountability.db")};Mode=ReadOnly");
    await db.OpenAsync();
    var rows = Count(db, "SELECT COUNT(*) FROM Resolutions WHERE What LIKE 'bench %'");
    var inbox = Count(db, "SELECT COUNT(*) FROM ReceivedCommands WHERE Text LIKE 'resolved \"bench %'");
    Console.WriteLine($"persisted: {rows} resolutions and {inbox} inbox rows for {sent} `resolved` commands answered 200 (warm-up included)");

    // A restart, as a deployed bot restarts: the database exists and is up to date.
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    server.Dispose();
    started.Restart();
    server = StartServer();
    await Bench.FirstAnswerAsync(http);
    Console.WriteLine($"first answer after a restart (existing database): {started.ElapsedMilliseconds} ms");
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(data, recursive: true);
}

// The next start gets an empty data directory (and no pooled connection to the old file).
void NewDatabase()
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(data, recursive: true);
    data = Directory.CreateTempSubdirectory("abot-slack-load").FullName;
}

static async Task StopAsync(Process process)
{
    process.Kill(entireProcessTree: true);
    await process.WaitForExitAsync();
}

// Each round: a new database (migrated at start), then a restart on it; the first answer after each start.
async Task StartsAsync(int rounds)
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    var client = new SlashClient(http, Secret);
    var (fresh, again) = (new List<long>(), new List<long>());
    for (var round = 0; round < rounds; round++)
    {
        foreach (var times in new[] { fresh, again })
        {
            started.Restart();
            using var process = StartServer();
            await Bench.FirstAnswerAsync(http);
            times.Add(started.ElapsedMilliseconds);
            await StopAsync(process);
            await Task.Delay(500);
        }
        NewDatabase();
    }
    Console.WriteLine($"first answer after start, ms: new database {string.Join(" ", fresh)}; existing database {string.Join(" ", again)}");
    Directory.Delete(data, recursive: true);
}

// Each round, each app on a new database: start, first answer, 10 s idle, then resident memory (and its parts).
async Task MemoryAsync(int rounds)
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    var client = new SlashClient(http, Secret);
    var floors = Path.Combine(root, "bench/AccountabilityBot.MemoryFloor/bin");
    (string Name, string? Dll)[] apps =
    [
        ("the bot", null),
        ("floor: ASP.NET Core alone", Path.Combine(floors, "publish-aspnet/AccountabilityBot.MemoryFloor.dll")),
        ("floor: + EF Core on SQLite", Path.Combine(floors, "publish-ef/AccountabilityBot.MemoryFloor.dll")),
        ("floor: + Hangfire server (the bot's stack)", Path.Combine(floors, "publish-full/AccountabilityBot.MemoryFloor.dll")),
    ];
    apps = [.. apps.Where(app => app.Dll is null || File.Exists(app.Dll))];
    var readings = apps.ToDictionary(app => app.Name, _ => new List<Dictionary<string, long>>());
    for (var round = 0; round < rounds; round++)
        foreach (var (name, dll) in apps)
        {
            using var process = StartServer(dll);
            await Bench.FirstAnswerAsync(http);
            await Task.Delay(TimeSpan.FromSeconds(10));
            readings[name].Add(MemoryKb(process.Id));
            await StopAsync(process);
            NewDatabase();
        }
    Console.WriteLine("resident memory 10 s after the first answer, MB: median (range) [anonymous / files / JIT and runtime data (memfd)]");
    foreach (var (name, _) in apps)
    {
        var byRss = readings[name].OrderBy(r => r["VmRSS"]).ToArray();
        var median = byRss[byRss.Length / 2];
        Console.WriteLine($"  {name,-44} {median["VmRSS"] / 1024,4} ({byRss[0]["VmRSS"] / 1024}–{byRss[^1]["VmRSS"] / 1024})  " +
                          $"[{median["RssAnon"] / 1024} / {median["RssFile"] / 1024} / {median["RssShmem"] / 1024}]");
    }
    Directory.Delete(data, recursive: true);
}

static long Count(SqliteConnection db, string sql)
{
    using var command = db.CreateCommand();
    command.CommandText = sql;
    return (long)command.ExecuteScalar()!;
}

static long ResidentMb(int pid) => MemoryKb(pid)["VmRSS"] / 1024;

// VmRSS and its parts (RssAnon, RssFile, RssShmem) from /proc/PID/status, in kB.
static Dictionary<string, long> MemoryKb(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:") || l.StartsWith("Rss"))
        .Select(l => l.Split([' ', ':', '\t'], StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => parts[0], parts => long.Parse(parts[1]));

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AccountabilityBot.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

/// <summary>Sends one signed slash command, as Slack does: form body, timestamp and v0 signature headers.</summary>
sealed class SlashClient(HttpClient http, string secret)
{
    static long LastTrigger;

    public static long NextTrigger() => Interlocked.Increment(ref LastTrigger);

    public async Task<(bool Ok, bool Deferred, string Body)> SendAsync(string user, string text, long? triggerId = null)
    {
        var id = triggerId ?? NextTrigger();
        var body = $"token=x&team_id=T1&team_domain=bench&channel_id=CBENCH&channel_name=bench&user_id={user}&user_name={user.ToLowerInvariant()}" +
                   $"&command=%2Fcx&text={Uri.EscapeDataString(text)}&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F{id}%2Fx&trigger_id={id}.bench";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(secret, timestamp, bytes));
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        return (response.StatusCode == HttpStatusCode.OK, answer.Contains("Working on it"), answer);
    }
}
