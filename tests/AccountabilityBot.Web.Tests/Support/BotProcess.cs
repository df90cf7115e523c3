using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>The real bot (AccountabilityBot.Web.dll) as a child process, which a test can kill with SIGKILL.</summary>
public sealed class BotProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    BotProcess(IReadOnlyDictionary<string, string> settings)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "AccountabilityBot.Web.dll")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts the bot and waits until it answers /healthz.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var bot = new BotProcess(settings);
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

    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, nothing graceful.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    static int FreePort()
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
    }
}
