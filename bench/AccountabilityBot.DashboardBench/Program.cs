// The dashboard's read pages on a large database, in two steps that bench/dashboard.sh runs around the million-event import:
//   seed DATA_FOLDER [RESOLUTIONS]   a new database with the demo's records and a busy frontline (RESOLUTIONS resolutions,
//                                    100,000 by default, over twelve weeks); the customer events are imported after it
//   pages DATA_FOLDER [RUNS]         each page RUNS times (50 by default): server time p50/p95, weight, external references
// It starts the real host in process (its whole pipeline, the page rendered; no network) and signs the CCO in through the
// local channel's `dashboard` link.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountabilityBot.DashboardBench;

static class Bench
{
    static async Task Main(string[] args)
    {
        var (mode, folder) = (args[0], args[1]);
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : mode == "seed" ? 100_000 : 50;
        var now = new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

        await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.GetFullPath("src/AccountabilityBot.Web"));
            b.UseSetting("Database:DataDirectory", folder);
            b.UseSetting("Demo:Enabled", mode == "seed" ? "true" : "false");
            b.UseSetting("Hosting:WarmUp", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Antiforgery", "Error");
            b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(now))));
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (mode == "seed") await Resolutions.EnsureAsync(db, count, now.UtcDateTime);
            Console.WriteLine($"{await db.CustomerEvents.CountAsync():N0} customer events, {await db.Resolutions.CountAsync():N0} resolutions, "
                + $"{await db.Commitments.CountAsync()} commitments, {await db.Decisions.CountAsync()} decisions");
        }
        if (mode == "seed") return;
        var runs = count;
        await SignInAsync(client, "ana");

        string[] pages =
        [
            "/dashboard/customers?period=week", "/dashboard/customers?period=month", "/dashboard/customers?period=quarter",
            "/dashboard/customers?from=2025-11-23&to=2026-11-22", "/dashboard/customers?from=2023-11-23&to=2026-11-22",
            "/dashboard/commitments", "/dashboard/commitments?status=all", "/dashboard/decisions", "/dashboard/follow-through", "/dashboard/stop-list",
            "/dashboard/reliability", "/dashboard/frontline", "/dashboard/frontline/patterns",
        ];
        Console.WriteLine($"{"page",-55} {"p50 ms",8} {"p95 ms",8} {"KB",7} {"external",9}");
        foreach (var page in pages)
        {
            var times = new List<double>();
            var bytes = 0;
            var external = 0;
            for (var i = 0; i < runs + 5; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(page);
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{page}: {(int)response.StatusCode}");
                if (i < 5) continue; // warm-up: first compilation and the database's first reads
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = body.Length;
                external = Regex.Count(System.Text.Encoding.UTF8.GetString(body), @"(src|href|action)=""(https?:)?//");
            }
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine($"{page,-55} {At(0.5),8:N1} {At(0.95),8:N1} {bytes / 1024.0,7:N1} {external,9}");
        }
    }

    /// <summary>Signs in as people do: `dashboard` on the local channel, then the link's page and its button.</summary>
    static async Task SignInAsync(HttpClient client, string user)
    {
        var said = await client.PostAsJsonAsync("/local/messages", new { user, channel = "leadership", text = "dashboard" });
        var link = Regex.Match(await said.Content.ReadAsStringAsync(), @"/dashboard/sign-in\?token=[A-Za-z0-9_-]+").Value;
        var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var form = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var done = await client.PostAsync("/dashboard/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = link[(link.IndexOf('=') + 1)..], ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(form),
        }));
        if ((int)done.StatusCode != 302) throw new InvalidOperationException($"Signing in answered {(int)done.StatusCode}.");
    }
}

sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A busy frontline: <c>count</c> resolutions spread over the last twelve weeks, across the demo's people and stages.</summary>
static class Resolutions
{
    public static async Task EnsureAsync(AppDbContext db, int count, DateTime now)
    {
        var have = await db.Resolutions.CountAsync();
        if (have >= count) return;
        var people = await db.Members.Select(m => m.Id).ToListAsync();
        var stages = await db.JourneyStages.Select(s => (int?)s.Id).ToListAsync();
        stages.Add(null);
        var rng = new Random(20261126);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = have; done < count;)
        {
            var batch = Math.Min(10_000, count - done);
            for (var i = 0; i < batch; i++)
                db.Resolutions.Add(new Resolution
                {
                    What = "Fixed a customer's problem on the spot", ById = people[rng.Next(people.Count)],
                    StageId = stages[rng.Next(stages.Count)], Cost = rng.Next(4) == 0 ? null : rng.Next(0, 20_000) / 100m,
                    At = now.AddMinutes(-rng.Next(84 * 24 * 60)),
                });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            done += batch;
        }
    }
}
