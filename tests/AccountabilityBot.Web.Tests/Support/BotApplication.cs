using System.Net;
using System.Net.Http.Json;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Local;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The real host (real SQLite files, real Hangfire server) in a data folder of its own. Two instances on the same
/// folder are a restart. The clock is fake so a test can walk through a week. In the PostgreSQL pass the folder
/// stands for a database of its own (<see cref="FolderDatabases"/>) unless the settings choose a provider.
/// </summary>
public sealed class BotApplication(string dataDirectory, FakeTimeProvider clock, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null, SentLog? sent = null)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Thursday = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    public static string NewDataDirectory() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "abot-web", Guid.NewGuid().ToString("N"))).FullName;

    readonly List<IDisposable> leases = [];

    public FakeTimeProvider Clock => clock;
    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", dataDirectory);
        builder.UseSetting("Jobs:PollInterval", "00:00:00.200");
        // The start-up warm-up costs CPU and would add an auth.test to what the fake Slack records; WarmUpTests turn it on.
        builder.UseSetting("Hosting:WarmUp", "false");
        builder.UseSetting("Hosting:StartUpCollection", "false"); // a full collection at each start would stop the other hosts in the process
        // Hundreds of hosts' information lines would go to a console nobody reads; a test that times out shows the warnings.
        builder.UseSetting("Logging:Console:LogLevel:Default", "Warning");
        var all = FolderDatabases.Settings(dataDirectory, settings, out var lease);
        if (lease is not null) leases.Add(lease);
        foreach (var (key, value) in all) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            s.AddSingleton<ILoggerProvider>(new RecentWarnings(HostTag(dataDirectory)));
            if (sent is not null)
            {
                foreach (var local in s.Where(d => d.ImplementationType == typeof(LocalChatSender)).ToList()) s.Remove(local);
                s.AddSingleton<IPlatformChatSender>(new RecordingLocalSender(sent));
            }
            services?.Invoke(s);
        });
    }

    /// <summary>Hangfire's own log lines in every test host, for as long as the test process runs.</summary>
    static readonly AspNetCoreLogProvider HangfireLogs = new(LoggerFactory.Create(logs => logs.AddProvider(new RecentWarnings("hangfire"))));

    /// <summary>The start of the data folder's name: enough to tell the hosts of a test run apart in its log lines.</summary>
    static string HostTag(string dataDirectory) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)) is { Length: > 8 } name ? name[..8] : dataDirectory;

    /// <summary>
    /// Program stops before the host starts when a setting is wrong (and the process exits with one line per problem);
    /// in a test that shows as this exception carrying the same lines.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (SettingsCheck.Problems(host.Services) is not { Count: > 0 } problems)
        {
            HostWork.Started(this, HostTag(dataDirectory));
            // Hangfire's log provider is process-wide, and each host's start makes it that host's: once that host is gone,
            // creating a job (its filter attributes ask for a logger) failed with the dead host's disposed logger factory.
            // A host without a job server makes it its own on first use, so that use comes first.
            host.Services.GetRequiredService<IGlobalConfiguration>();
            GlobalConfiguration.Configuration.UseLogProvider(HangfireLogs);
            return host;
        }
        host.Dispose();
        throw new SettingsRefusedException(problems);
    }

    /// <summary>
    /// Serves the host with Kestrel on a free port of 127.0.0.1 instead of the in-memory test server, so a real browser can
    /// reach it, and returns its address. Call it before anything else uses the host; the helpers here then go over TCP too.
    /// </summary>
    public Uri Serve()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }

    public async Task<LocalReply> SayAsync(string user, string text, string channel = "leadership")
    {
        var response = await CreateClient().PostAsJsonAsync("/local/messages", new { user, channel, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReplyResponse>())!.Reply;
    }

    public async Task<List<LocalTranscriptItem>> TranscriptAsync(string channel) =>
        (await CreateClient().GetFromJsonAsync<List<LocalTranscriptItem>>($"/local/messages?channel={channel}"))!;

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        HostWork.Stopped(this);
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var lease in leases) lease.Dispose();
    }
}
