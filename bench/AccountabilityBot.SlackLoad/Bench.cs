using System.Diagnostics;
using System.Net;

/// <summary>What every mode of the driver shares: sending the load, first answers, CPU time from /proc, free ports.</summary>
static class Bench
{
    /// <summary>
    /// Sends `resolved` commands from <paramref name="concurrency"/> workers for the duration, each request to the next
    /// client in turn. With <paramref name="retryEvery"/>, every such command of a worker is sent twice at once with one
    /// trigger_id (to the next client too): both must be answered, and with the same answer.
    /// </summary>
    public static async Task<int> RunAsync(HttpClient[] clients, int concurrency, TimeSpan duration, bool report, int retryEvery = 0, string secret = Secret)
    {
        var latencies = new List<double>[concurrency];
        var (errors, deferred, retries, differing) = (0, 0, 0, 0);
        var run = Interlocked.Increment(ref Runs); // each run's texts are its own: duplicates are then only what was stored twice
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            var user = $"UBENCH{worker % 50}";
            var n = 0;
            while (stop.Elapsed < duration)
            {
                var client = new SlashClient(clients[(worker + n) % clients.Length], secret);
                var text = $"resolved \"bench {run}-{concurrency}-{worker}-{n}\" cost:0";
                var retry = retryEvery > 0 && n % retryEvery == 0;
                n++;
                var watch = Stopwatch.StartNew();
                try
                {
                    var trigger = SlashClient.NextTrigger();
                    var again = retry ? new SlashClient(clients[(worker + n) % clients.Length], secret).SendAsync(user, text, trigger) : null;
                    var result = await client.SendAsync(user, text, trigger);
                    watch.Stop();
                    if (!result.Ok) Interlocked.Increment(ref errors);
                    else if (result.Deferred) Interlocked.Increment(ref deferred);
                    mine.Add(watch.Elapsed.TotalMilliseconds);
                    if (again is null) continue;
                    var second = await again;
                    Interlocked.Increment(ref retries);
                    if (!second.Ok) Interlocked.Increment(ref errors);
                    else if (second.Body != result.Body && !second.Deferred && !result.Deferred) Interlocked.Increment(ref differing);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        if (report)
            Console.WriteLine($"concurrency {concurrency,3}: {all.Length / elapsed,7:F0} req/s  p50 {P(all, 0.50),6:F1} ms  p90 {P(all, 0.90),6:F1} ms  " +
                              $"p99 {P(all, 0.99),6:F1} ms  errors {errors}  acked-then-deferred {deferred}  ({all.Length} requests in {elapsed:F1} s" +
                              (retryEvery > 0 ? $"; {retries} also sent again at once, {differing} answered differently)" : ")"));
        return all.Length - errors;
    }

    static int Runs;

    public const string Secret = "bench-signing-secret";

    static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];

    public static async Task FirstAnswerAsync(HttpClient http)
    {
        var client = new SlashClient(http, Secret);
        while (true)
        {
            try { if ((await client.SendAsync("UBENCH0", "help")).Ok) return; }
            catch (HttpRequestException) { }
            await Task.Delay(20);
        }
    }

    public static long CpuMs(int pid)
    {
        // /proc/PID/stat fields 14 and 15 (utime, stime) in clock ticks, 100 per second on Linux.
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10;
    }

    /// <summary>A process that is gone (a backend that closed) counts nothing.</summary>
    public static long CpuMsOrZero(int pid)
    {
        try { return CpuMs(pid); }
        catch (IOException) { return 0; }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
