using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// The lean way for `resolved` (plain prepared SQL inside the command writer) stores exactly what the full EF way
/// stores and answers the same, counts a retry once, undoes itself on a failure, and leaves every other case to the
/// full way. Each test runs the real host, with the lean store wrapped so the test can see (or break) its use.
/// </summary>
[Collection(WebTests.Name)]
public sealed class ResolvedFastPathTests : IAsyncDisposable
{
    const string LeanStore = "the lean SQLite store for `resolved` (on PostgreSQL `resolved` takes the full way)";

    /// <summary>Counts the lean store's use, and can fail one of its writes.</summary>
    sealed class WatchedStore(SqliteResolutionFastStore inner) : IResolutionFastStore
    {
        public static int Taken, Kept;
        public static bool FailAudit, FailLookup;
        public Member? FindSpeaker(ChatPlatform platform, string userId) =>
            FailLookup ? throw new InvalidOperationException("database is locked") : inner.FindSpeaker(platform, userId);
        public void Begin() { Interlocked.Increment(ref Taken); inner.Begin(); }
        public void Release() { Interlocked.Increment(ref Kept); inner.Release(); }
        public void RollBack() => inner.RollBack();
        public bool TryReceive(ReceivedCommand row) => inner.TryReceive(row);
        public int Add(Resolution resolution) => inner.Add(resolution);
        public void Add(AuditEntry entry)
        {
            inner.Add(entry);
            if (FailAudit) throw new InvalidOperationException("disk on fire");
        }
        public int ResolvedSince(DateTime hour) => inner.ResolvedSince(hour);
        public void Answer(ReceivedCommand row) => inner.Answer(row);
    }

    readonly List<BotApplication> apps = [];

    BotApplication Start(bool lean)
    {
        WatchedStore.Taken = WatchedStore.Kept = 0;
        WatchedStore.FailAudit = WatchedStore.FailLookup = false;
        var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), services: s =>
        {
            s.AddScoped<SqliteResolutionFastStore>();
            s.Replace(ServiceDescriptor.Scoped<IResolutionFastStore, WatchedStore>());
            if (!lean) s.RemoveAll<ResolvedFastPath>();
        });
        apps.Add(app);
        return app;
    }

    static async Task EnrolJoAsync(BotApplication app, string? zone = "Europe/London") =>
        await app.WithDbAsync(async db =>
        {
            db.Members.Add(new Member { Platform = ChatPlatform.Slack, PlatformUserId = "U1", DisplayName = "Jo", Role = Role.Frontline, TimeZone = zone });
            return await db.SaveChangesAsync();
        });

    static Task<CommandOutcome> SendAsync(BotApplication app, string text, string delivery, string user = "U1") =>
        app.Services.GetRequiredService<CommandWriter>().RunAsync(new InboundCommand(ChatPlatform.Slack, "C1", user, text, delivery, UserName: "jo"));

    /// <summary>Every stored row a `resolved` touches, one line each, ids included.</summary>
    static Task<List<string>> StoredAsync(BotApplication app) => app.WithDbAsync(async db =>
    {
        var lines = new List<string>();
        lines.AddRange((await db.Resolutions.OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"resolution {r.Id} {r.What}|{r.CustomerName}|{r.StageId}|{r.Cost}|{r.ById}|{r.At:O}"));
        lines.AddRange((await db.AuditTrail.Where(a => a.Action == ResolvedHandler.AuditAction).OrderBy(a => a.Id).ToListAsync())
            .Select(a => $"audit {a.At:O}|{a.ActorId}|{a.Platform}|{a.Subject}|{a.Summary}"));
        lines.AddRange((await db.ReceivedCommands.OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"inbox {r.Id} {r.Platform}|{r.DeliveryId}|{r.ConversationId}|{r.UserId}|{r.Text}|{r.ReceivedAt:O}|{r.HandledAt:O}|{r.ReplyJson}"));
        lines.AddRange((await db.ResolutionTallies.OrderBy(t => t.Hour).ToListAsync()).Select(t => $"tally {t.Hour:O} {t.Count}"));
        return lines;
    });

    [SqliteFact(LeanStore)]
    public async Task TheLeanWay_StoresWhatTheFullWayStores_AndAnswersTheSame()
    {
        var results = new List<(List<string> Rows, string Reply, int Taken)>();
        foreach (var lean in new[] { true, false })
        {
            var app = Start(lean);
            await EnrolJoAsync(app);
            var first = await SendAsync(app, "resolved \"refund stuck\" customer:Acme cost:12.50", "d-1");
            var second = await SendAsync(app, "resolved \"password reset loop\"", "d-2");
            Assert.True(first.Fresh && second.Fresh);
            results.Add((await StoredAsync(app), MessageJson.Serialize(first.Reply) + MessageJson.Serialize(second.Reply), WatchedStore.Taken));
        }

        Assert.Equal(2, results[0].Taken); // the lean app took the lean way both times
        Assert.Equal(0, results[1].Taken);
        Assert.Equal(results[1].Rows, results[0].Rows);
        Assert.Equal(results[1].Reply, results[0].Reply);
        Assert.Contains("resolution 1 refund stuck|Acme||12.5|1|", string.Join("\n", results[0].Rows));
        Assert.Contains("Logged", results[0].Reply);
    }

    [SqliteFact(LeanStore)]
    public async Task ARetriedDelivery_IsAnsweredFromTheInbox_AndCountedOnce()
    {
        var app = Start(lean: true);
        await EnrolJoAsync(app);
        var first = await SendAsync(app, "resolved \"refund stuck\"", "d-1");
        var retry = await SendAsync(app, "resolved \"refund stuck\"", "d-1");

        Assert.True(first.Fresh);
        Assert.False(retry.Fresh);
        Assert.Equal((OutcomeKind.Done, OutcomeKind.Repeat), (first.Kind, retry.Kind)); // the lean path answers only a fresh done
        Assert.NotNull(first.ReceivedId);
        Assert.Equal(MessageJson.Serialize(first.Reply), MessageJson.Serialize(retry.Reply));
        var rows = await StoredAsync(app);
        Assert.Single(rows, r => r.StartsWith("resolution "));
        Assert.Single(rows, r => r.StartsWith("inbox "));
        Assert.Equal(1, await app.WithDbAsync(db => db.ResolutionTallies.SumAsync(t => t.Count)));
    }

    [SqliteFact(LeanStore)]
    public async Task ADeliveryAcceptedBeforeItRan_IsRunOnItsRow_TheSameByBothWays()
    {
        // A slow Slack command: its row is stored with its follow-up before Slack's deadline, then the command runs.
        var results = new List<(List<string> Rows, string? FollowUp, int Kept)>();
        foreach (var lean in new[] { true, false })
        {
            var app = Start(lean);
            await EnrolJoAsync(app);
            var accepted = new InboundCommand(ChatPlatform.Slack, "C1", "U1", "resolved \"refund stuck\"", "d-1", UserName: "jo", FollowUp: "{}");
            await using (var scope = app.Services.CreateAsyncScope())
                Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Inbox>().AcceptAsync(accepted, evenIfHandled: false, CancellationToken.None));
            var outcome = await SendAsync(app, "resolved \"refund stuck\"", "d-1");

            Assert.Equal(OutcomeKind.Done, outcome.Kind);
            var followUp = await app.WithDbAsync(db => db.ReceivedCommands.Select(r => r.FollowUp).SingleAsync());
            results.Add((await StoredAsync(app), followUp, WatchedStore.Kept));
        }

        Assert.Equal((1, 0), (results[0].Kept, results[1].Kept)); // the lean way ran it on the accepted row
        Assert.Equal(results[1].Rows, results[0].Rows);
        Assert.Equal(("{}", "{}"), (results[0].FollowUp, results[1].FollowUp)); // its answer still follows
        Assert.Single(results[0].Rows, r => r.StartsWith("resolution "));
    }

    [SqliteFact(LeanStore)]
    public async Task AFailureOnTheLeanWay_UndoesEverythingItWrote_AndTheFullWayAnswers()
    {
        var app = Start(lean: true);
        await EnrolJoAsync(app);
        WatchedStore.FailAudit = true;
        var outcome = await SendAsync(app, "resolved \"refund stuck\"", "d-1");

        Assert.Equal(1, WatchedStore.Taken);
        Assert.Contains("R-1", MessageJson.Serialize(outcome.Reply)); // the full way recorded it, under the same number
        var rows = await StoredAsync(app);
        Assert.Single(rows, r => r.StartsWith("resolution "));
        Assert.Single(rows, r => r.StartsWith("audit "));
        Assert.Single(rows, r => r.StartsWith("inbox "));
        // The trigger counted the lean way's row too, before the failure: the savepoint took that back.
        Assert.Equal(1, await app.WithDbAsync(db => db.ResolutionTallies.SumAsync(t => t.Count)));
    }

    [SqliteTheory(LeanStore)]
    [InlineData("U2", "Europe/London", "resolved \"refund stuck\"", false)] // a speaker not enrolled yet
    [InlineData("U1", null, "resolved \"refund stuck\"", false)] // a speaker without a time zone (the team's applies)
    [InlineData("U1", "Europe/London", "resolved \"refund stuck\" stage:Onboard", false)] // a journey stage to look up
    [InlineData("U1", "Europe/London", "resolved \"refund stuck\"", true)] // the speaker lookup fails
    public async Task CasesTheLeanWayLeaves_RunTheFullWay(string user, string? zone, string text, bool lookupFails)
    {
        var app = Start(lean: true);
        await EnrolJoAsync(app, zone);
        WatchedStore.FailLookup = lookupFails;
        var outcome = await SendAsync(app, text, "d-1", user);

        Assert.Equal(0, WatchedStore.Taken);
        Assert.Contains("R-1", MessageJson.Serialize(outcome.Reply));
        Assert.Single(await StoredAsync(app), r => r.StartsWith("resolution "));
    }

    [SqliteFact(LeanStore)]
    public async Task ABatchMixingBothWays_StoresEveryCommandOnce_UnderItsOwnNumber()
    {
        var app = Start(lean: true);
        await EnrolJoAsync(app);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            SendAsync(app, i % 3 == 0 ? $"resolved \"case {i}\" stage:Onboard" : $"resolved \"case {i}\"", $"d-{i}")));

        Assert.InRange(WatchedStore.Taken, 1, 39);
        var references = outcomes.Select(o => System.Text.RegularExpressions.Regex.Match(MessageJson.Serialize(o.Reply), @"R-\d+").Value).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"R-{i}").Order(), references.Order());
        var rows = await StoredAsync(app);
        Assert.Equal(40, rows.Count(r => r.StartsWith("resolution ")));
        Assert.Equal(40, rows.Count(r => r.StartsWith("audit ")));
        Assert.Equal(40, rows.Count(r => r.StartsWith("inbox ") && r.Contains("\"blocks\"", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(40, await app.WithDbAsync(db => db.ResolutionTallies.SumAsync(t => t.Count)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps) await app.DisposeAsync();
    }
}
