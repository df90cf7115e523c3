using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// A class fixture for browser tests: the real host with the demo data (as <c>--demo</c> starts it), served on a real
/// port of 127.0.0.1 (<see cref="Address"/>). Its clock is fake, for tests that walk through time, but starts at the
/// real now, so what the server dates (cookies, "today") agrees with the browser's own clock.
/// </summary>
public sealed class ServedDemo : IAsyncLifetime
{
    public BotApplication App { get; } = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(TimeProvider.System.GetUtcNow()),
        new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });

    public Uri Address { get; private set; } = null!;

    public FakeTimeProvider Clock => App.Clock;

    public async Task InitializeAsync() => Address = await Task.Run(App.Serve);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
