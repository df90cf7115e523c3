using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>
/// The core as the host wires it, on a real database (SQLite, or PostgreSQL in that pass), with a fake clock. Say things
/// as members; read the database.
/// </summary>
public sealed class CoreHarness : IDisposable
{
    public static readonly DateTimeOffset Thursday = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    readonly TestDatabase database = new();
    readonly ServiceProvider services;

    /// <param name="configure">Adds test services, e.g. an EF interceptor (every registered IInterceptor is used).</param>
    public CoreHarness(BotSettings? settings = null, DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        Clock = new FakeTimeProvider(now ?? Thursday);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton(settings ?? new BotSettings());
        collection.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        database.AddContext(collection, sp => sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        collection.AddSingleton<ICadenceScheduler>(Scheduler);
        collection.AddSingleton<IPlatformChatSender>(Sent);
        collection.AddAccountabilityCore();
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var db = database.NewContext();
        db.JourneyStages.AddRange(JourneyStage.Defaults.Select((n, i) => new JourneyStage { Name = n, Position = i + 1 }));
        db.SaveChanges();
    }

    public FakeTimeProvider Clock { get; }
    public RecordingScheduler Scheduler { get; } = new();
    public RecordingSender Sent { get; } = new();

    /// <summary>Sends text as a local member and returns the bot's reply as plain text.</summary>
    public async Task<string> SayAsync(string user, string text, string channel = "leadership", string? deliveryId = null) =>
        (await ReplyAsync(user, text, channel, deliveryId)).FallbackText;

    /// <summary>Through the group-commit writer, the route every adapter's commands take.</summary>
    public async Task<ChatMessage> ReplyAsync(string user, string text, string channel = "leadership", string? deliveryId = null) =>
        (await OutcomeAsync(user, text, channel, deliveryId)).Reply;

    public Task<CommandOutcome> OutcomeAsync(string user, string text, string channel = "leadership", string? deliveryId = null) =>
        Writer.RunAsync(new InboundCommand(ChatPlatform.Local, channel, user, text, deliveryId, user));

    /// <summary>The group-commit writer the host's adapters queue commands to.</summary>
    public CommandWriter Writer => services.GetRequiredService<CommandWriter>();

    /// <summary>Queues text as a local member through the group-commit writer; completes once it is durable.</summary>
    public Task<CommandOutcome> QueueAsync(string user, string text, string? deliveryId = null) =>
        Writer.RunAsync(new InboundCommand(ChatPlatform.Local, "leadership", user, text, deliveryId, user));

    /// <summary>Runs code against a fresh scope (a new DbContext), like the next request would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public AppDbContext Db() => database.NewContext();

    /// <summary>Runs one scheduled kind of post now, as the Hangfire job would.</summary>
    public Task<int> RunCadenceAsync(string kind) =>
        WithScopeAsync(sp => sp.GetRequiredService<AccountabilityBot.Core.Cadence.Posts.CadenceRunner>().RunAsync(kind, CancellationToken.None));

    /// <summary>The default cadence (review Monday 08:00, nudges 09:00, …) in the team's zone.</summary>
    public Task EnsureCadenceAsync() => WithScopeAsync(async sp =>
    {
        await AccountabilityBot.Core.Cadence.CadenceDefaults.EnsureAsync(
            sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<BotSettings>(), CancellationToken.None);
        return 0;
    });

    /// <summary>Ana (first, so CCO), Maria and Tom (executives), Jo (frontline).</summary>
    public async Task<CoreHarness> WithTeamAsync()
    {
        await SayAsync("ana", "help");
        await SayAsync("ana", "role @maria executive");
        await SayAsync("ana", "role @tom executive");
        await SayAsync("ana", "role @jo frontline");
        return this;
    }

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
    }
}

public sealed class RecordingScheduler : ICadenceScheduler
{
    public IReadOnlySet<string> SupportedKinds { get; } = new HashSet<string> { CadenceKinds.Review };
    public List<IReadOnlyList<CadenceSetting>> Applied { get; } = [];

    public Task ApplyAsync(IReadOnlyList<CadenceSetting> cadence, CancellationToken ct)
    {
        Applied.Add(cadence);
        return Task.CompletedTask;
    }

    public List<string> RunNow { get; } = [];

    public Task RunNowAsync(string kind, CancellationToken ct)
    {
        RunNow.Add(kind);
        return Task.CompletedTask;
    }
}

public sealed class RecordingSender : IPlatformChatSender
{
    readonly List<(string Conversation, ChatMessage Message)> posts = [];
    readonly HashSet<string> tags = [];

    public ChatPlatform Platform => ChatPlatform.Local;

    public List<(string Conversation, ChatMessage Message)> Posts { get { lock (posts) return [.. posts]; } }

    /// <summary>Set to make the next send fail, as a platform outage would.</summary>
    public Exception? FailNext { get => failNext; set => failNext = value; }

    /// <summary>Runs before each send with its 1-based number; a test can throw from it to stop the process mid-send.</summary>
    public Action<int>? BeforeSend { get; set; }

    /// <summary>Runs after a send has reached the conversation, before the sender learns so; a test can stop there.</summary>
    public Func<CancellationToken, Task>? AfterDelivered { get; set; }

    /// <summary>False makes <see cref="HasPostedAsync"/> answer "cannot say", as Teams does.</summary>
    public bool CanTell { get; set; } = true;

    /// <summary>Runs before each send with its conversation; a test can hold one send there, as a slow platform would.</summary>
    public Func<string, CancellationToken, Task>? Arriving { get; set; }

    /// <summary>Runs before each send's request leaves, as a wait for a rate limit's next slot does.</summary>
    public Func<string, CancellationToken, Task>? Pacing { get; set; }

    public int HistoryLookups;
    int attempts, inFlight;

    /// <summary>The most sends that were in progress at once.</summary>
    public int MostInFlight;

    public async Task SendAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref inFlight);
        try
        {
            for (var most = MostInFlight; now > most; most = MostInFlight) Interlocked.CompareExchange(ref MostInFlight, now, most);
            if (Pacing is { } pacing) await pacing(conversationId, ct);
            SendProgress.Leaving(); // as a platform adapter does where its request leaves the process
            if (Arriving is { } arriving) await arriving(conversationId, ct);
            await DeliverAsync(conversationId, message, tag, ct);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    async Task DeliverAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct)
    {
        BeforeSend?.Invoke(Interlocked.Increment(ref attempts));
        if (Interlocked.Exchange(ref failNext, null) is { } failure) throw failure;
        lock (posts)
        {
            posts.Add((conversationId, message));
            if (tag is not null) tags.Add(tag);
        }
        if (AfterDelivered is { } after) await after(ct);
    }

    Exception? failNext;

    public Task<bool?> HasPostedAsync(string conversationId, string tag, DateTime since, CancellationToken ct)
    {
        SendProgress.Leaving();
        Interlocked.Increment(ref HistoryLookups);
        lock (posts) return Task.FromResult(CanTell ? tags.Contains(tag) : (bool?)null);
    }

    public Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct) => Task.FromResult("dm:" + platformUserId);
}
