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
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(TimeProvider.System.GetUtcNow()),
        new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
    readonly Lazy<Uri> address;

    public ServedDemo() => address = new(app.Serve);

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
