using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// The real bot as a process of its own (its Release build, as deployed with the shared framework), on a loopback
/// port, settings in environment variables. Stopped with SIGTERM as a service manager stops it.
/// </summary>
sealed class BenchBot : IAsyncDisposable
{
    readonly Process process;
    readonly List<string> output = [];

    public HttpClient Client { get; }

    BenchBot(string dll, IReadOnlyDictionary<string, string> settings)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.Add(e.Data ?? ""); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.Add(e.Data ?? ""); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<BenchBot> StartAsync(string dll, IReadOnlyDictionary<string, string> settings)
    {
        var bot = new BenchBot(dll, settings);
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (bot.process.HasExited) throw new InvalidOperationException("The bot exited at start-up:\n" + bot.Output);
            try
            {
                if ((await bot.Client.GetAsync("/healthz")).IsSuccessStatusCode) return bot;
            }
            catch (HttpRequestException) { }
            if (started.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("The bot did not start within 120 s:\n" + bot.Output);
            await Task.Delay(100);
        }
    }

    public string Output { get { lock (output) return string.Join('\n', output); } }

    /// <summary>User and system CPU time the process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }
}
