using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The real bot (AccountabilityBot.Web.dll) as a child process, which a test can kill with SIGKILL. In the PostgreSQL
/// pass its data folder stands for a database, as for <see cref="BotApplication"/>.
/// </summary>
public sealed class BotProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    readonly IDisposable? lease;

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    BotProcess(IReadOnlyDictionary<string, string> settings, string? workingDirectory)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        // From elsewhere the bot is named by its full path, as a service unit does (`dotnet /opt/bot/AccountabilityBot.Web.dll`).
        var dll = workingDirectory is null ? "AccountabilityBot.Web.dll" : Path.Combine(AppContext.BaseDirectory, "AccountabilityBot.Web.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var all = settings.TryGetValue("Database:DataDirectory", out var data)
            ? FolderDatabases.Settings(data, settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)), out lease)
            : settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        foreach (var (key, value) in all) start.Environment[key.Replace(":", "__")] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts the bot (from its own folder unless <paramref name="workingDirectory"/> is given) and waits until it answers /healthz.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null)
    {
        var bot = new BotProcess(settings, workingDirectory);
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (bot.process.HasExited) throw new InvalidOperationException("The bot exited at start-up:\n" + bot.Output);
            try
            {
                if ((await bot.Client.GetAsync("/healthz")).IsSuccessStatusCode) return bot;
            }
            catch (HttpRequestException) { }
            if (started.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The bot did not start within 60 s:\n" + bot.Output);
            await Task.Delay(100);
        }
    }

    /// <summary>Starts the bot and waits for it to exit by itself (a start-up that refuses), within 60 s.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        using var bot = new BotProcess(settings, workingDirectory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.process.WaitForExitAsync(timeout.Token);
        bot.process.WaitForExit(); // the rest of the redirected output
        return (bot.process.ExitCode, bot.Output);
    }

    public string Output { get { lock (output) return output.ToString(); } }

    public int Id => process.Id;

    /// <summary>SIGTERM, as a service manager's stop or an upgrade sends; waits for the bot to exit and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!) await signal.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // the rest of the redirected output
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, nothing graceful.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        Client.Dispose();
        process.Dispose();
        lease?.Dispose();
    }
}
