using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// One chromium for the whole test run (a collection fixture of <see cref="WebTests"/>), started by the first test that
/// opens a page, so the other host tests pay nothing for it. Each test gets a fresh <see cref="IBrowserContext"/>
/// (own cookies and storage) through <see cref="OpenAsync"/>.
/// </summary>
public sealed class SharedBrowser : IAsyncLifetime
{
    readonly SemaphoreSlim starting = new(1, 1);
    IPlaywright? playwright;
    IBrowser? browser;

    /// <summary>
    /// A new context and page on <paramref name="site"/> (the base for relative URLs), recording every request; with
    /// <paramref name="storageState"/> (from <see cref="IBrowserContext.StorageStateAsync"/>) it starts with those cookies.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(Uri site, ITestOutputHelper output, string? storageState = null)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            ColorScheme = ColorScheme.Light,
            StorageState = storageState,
        });
        return await BrowserPage.OpenAsync(context, site, output);
    }

    async Task<IBrowser> BrowserAsync()
    {
        await starting.WaitAsync();
        try
        {
            if (browser is not null) return browser;
            if (!SystemChromium.IsInstalled) throw new InvalidOperationException(SystemChromium.SkipReason);
            // Auto-waiting assertions get room for a loaded two-core machine; they return as soon as the page is right.
            Assertions.SetDefaultExpectTimeout(15_000);
            // The driver (node and Playwright's package) is copied next to the tests by the Microsoft.Playwright package.
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = SystemChromium.ExecutablePath,
                Args = SystemChromium.Arguments,
                Headless = true,
                Timeout = 60_000,
            });
            return browser;
        }
        finally
        {
            starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        starting.Dispose();
    }
}
