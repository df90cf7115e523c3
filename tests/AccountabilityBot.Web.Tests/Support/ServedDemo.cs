using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// A class fixture for browser tests: the real host with the demo data (as <c>--demo</c> starts it), served on a real
/// port of 127.0.0.1 (<see cref="Address"/>). It starts on first use of <see cref="App"/> or <see cref="Address"/>, so a
/// class whose browser tests are all skipped starts nothing. Its clock is fake, for tests that walk through time, but
/// starts at the real now, so what the server dates (cookies, "today") agrees with the browser's own clock.
/// </summary>
public sealed class ServedDemo : IAsyncLifetime
{
    readonly BotApplication app;
    readonly Lazy<Uri> address;
    readonly ConcurrentDictionary<string, Lazy<Task<string>>> signedIn = new();

    public ServedDemo()
    {
        app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(TimeProvider.System.GetUtcNow()),
            new Dictionary<string, string?> { ["Demo:Enabled"] = "true" }, s => s.AddSingleton<ILoggerProvider>(Logs));
        address = new(app.Serve);
    }

    /// <summary>Every line the host logs at its configured levels, for tests that a page logs no warning.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>
    /// A browser's cookies once <paramref name="user"/> signed in (Playwright's storage state), made by
    /// <paramref name="signIn"/> the first time a test of the class asks, so the other tests start signed in.
    /// </summary>
    public Task<string> SignedInStateAsync(string user, Func<string, Task<string>> signIn) =>
        signedIn.GetOrAdd(user, u => new Lazy<Task<string>>(() => signIn(u))).Value;

    /// <summary>The served host (its HTTP client goes over TCP too).</summary>
    public BotApplication App
    {
        get
        {
            _ = address.Value;
            return app;
        }
    }

    /// <summary>The host's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => address.Value;

    public FakeTimeProvider Clock => app.Clock;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
