using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// The bot's PostgreSQL database goes away and comes back (new connections refused, open ones ended with 57P01, as a
/// server shutdown does) while commands keep arriving.
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class DatabaseOutageTests
{
    sealed record Answer(string Title, HttpStatusCode Status, string? Detail, int Phase);

    [PostgresFact]
    public async Task LocalCommands_DuringAnOutage_AreEitherRecordedWhole_OrAnsweredNothingRecorded_AndWorkAgainAfter()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var logs = new LogCapture();
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            database.Settings(), s => s.AddSingleton<ILoggerProvider>(logs));
        var client = app.CreateClient();
        await app.SayAsync("ana", "help");
        var answers = new ConcurrentQueue<Answer>();
        var phase = 0; // 0 before the outage, 1 during it, 2 after
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (title, sentIn) = ($"Outage task n{n}x{i}", Volatile.Read(ref phase));
                var response = await client.PostAsJsonAsync("/local/messages",
                    new { user = "ana", channel = "leadership", text = $"commit {title} due:friday" });
                var detail = response.StatusCode == HttpStatusCode.OK ? null : (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
                answers.Enqueue(new Answer(title, response.StatusCode, detail, sentIn));
                await Task.Delay(20);
            }
        })).ToArray();
        int Count(HttpStatusCode status, int inPhase) => answers.Count(a => a.Status == status && a.Phase == inPhase);

        await Until(() => Count(HttpStatusCode.OK, 0) >= 8, "commands recorded before the outage");
        await database.TakeDownAsync();
        Volatile.Write(ref phase, 1);
        await Until(() => Count(HttpStatusCode.ServiceUnavailable, 1) >= 8, "commands refused during the outage");
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var why = await ready.Content.ReadAsStringAsync();
        Assert.True(why.Contains("\"database\"") && why.Contains("\"jobs\""), why);
        var failedWhileDown = answers.Count(a => a.Status != HttpStatusCode.OK);
        var logLinesWhileDown = logs.Lines.Where(IsWarningOrWorse).ToList();

        await database.BringBackAsync();
        Volatile.Write(ref phase, 2);
        await Until(() => Count(HttpStatusCode.OK, 2) >= 8, "commands recorded after the outage");
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        await Until(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "ready again");

        var all = answers.ToList();
        Assert.All(all, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Title}: {a.Status} {a.Detail}"));
        Assert.All(all.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains("nothing was recorded", a.Detail));
        await app.WithDbAsync(async db =>
        {
            var commitments = await db.Commitments.Select(c => new { c.Id, c.Title }).ToListAsync();
            var audit = await db.AuditTrail.Where(e => e.Action == "commitment.made").Select(e => new { e.Subject, e.Summary }).ToListAsync();
            var inbox = await db.ReceivedCommands.Where(r => r.Text.StartsWith("commit ")).Select(r => new { r.Text, r.HandledAt }).ToListAsync();
            // Nothing acknowledged is lost, and nothing refused was kept.
            Assert.Equal(all.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Title).Order(), commitments.Select(c => c.Title).Order());
            // Nothing half-written: each recorded command has its audit entry and its answered inbox row, and none more.
            Assert.Equal(commitments.Select(c => ($"C-{c.Id}", c.Title)).Order(), audit.Select(e => (e.Subject!, e.Summary)).Order());
            Assert.Equal(commitments.Select(c => $"commit {c.Title} due:friday").Order(), inbox.Select(r => r.Text).Order());
            Assert.All(inbox, r => Assert.NotNull(r.HandledAt));
            return 0;
        });
        // A line or two per command that could not be stored, not an error with a stack trace from every layer it passed.
        Assert.True(logLinesWhileDown.Count <= 2 * failedWhileDown + 5, $"{logLinesWhileDown.Count} warnings for {failedWhileDown} failures:\n{logs.Text}");
        // EF reports each statement that was running when the connections were cut, once; nothing else is an error.
        var cut = logLinesWhileDown.Where(l => l.Contains(" Microsoft.EntityFrameworkCore.") || l.Contains(" Hangfire.")).ToList();
        Assert.True(cut.Count <= 12, string.Join("\n", cut));
        Assert.DoesNotContain(logLinesWhileDown.Except(cut), l => !l.StartsWith("Warning", StringComparison.Ordinal) || l.Contains("\n   at "));
    }

    /// <summary>
    /// A restart between two commands: every idle connection in the pool died with it. Without the job server (which
    /// would come across them first), the next command is the first to meet them, and is still recorded.
    /// </summary>
    [PostgresFact]
    public async Task CommandAfterAQuietRestart_IsRecorded_ThoughThePoolHeldOnlyDeadConnections()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            database.Settings(new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }));
        await app.SayAsync("ana", "help");
        using (var hold = new SemaphoreSlim(0))
        {
            // Several connections at once, so several sit idle in the pool afterwards.
            var open = Enumerable.Range(0, 6).Select(_ => app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                await hold.WaitAsync();
                return await db.Members.CountAsync();
            })).ToList();
            await Task.Delay(300);
            hold.Release(open.Count);
            await Task.WhenAll(open);
        }
        await database.TakeDownAsync();
        await database.BringBackAsync();

        for (var i = 1; i <= 3; i++) Assert.Contains($"C-{i}", (await app.SayAsync("ana", $"commit After the restart {i} due:friday")).Text);
    }

    static bool IsWarningOrWorse(string line) => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal)
        || line.StartsWith("Critical", StringComparison.Ordinal);

    static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    static async Task Until(Func<Task<bool>> condition, string what)
    {
        await Eventually.Async(async () => await condition() ? "" : null, TimeSpan.FromSeconds(30), what);
    }
}
