using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// One test's browser context and page on the served bot (<see cref="SharedBrowser.OpenAsync"/>). It records every
/// request the page makes and refuses any to another host, so a page that reaches out fails its test without leaving
/// the machine; it saves screenshots, runs axe and walks the page by keyboard.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    readonly List<Uri> requests = [];
    readonly List<string> errors = [];
    readonly ITestOutputHelper output;

    BrowserPage(IBrowserContext context, IPage page, Uri site, ITestOutputHelper output)
    {
        Context = context;
        Page = page;
        Site = site;
        this.output = output;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>The served bot, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Site { get; }

    /// <summary>Every request the page has made so far, in order (refused ones included).</summary>
    public IReadOnlyList<Uri> Requests
    {
        get { lock (requests) return [.. requests]; }
    }

    /// <summary>The requests to anywhere but the served bot: a page that works offline has none.</summary>
    public IReadOnlyList<Uri> ForeignRequests => [.. Requests.Where(IsForeign)];

    /// <summary>
    /// What the page reported as going wrong: uncaught script errors and console errors (a Content-Security-Policy
    /// refusal, a failed load). A page working as it should has none.
    /// </summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (errors) return [.. errors]; }
    }

    /// <summary>
    /// <see cref="Errors"/> but the one chromium reports for a page that answers with <paramref name="status"/> (it logs
    /// "Failed to load resource" for any 4xx document), for pages meant to refuse: a link already used, say.
    /// </summary>
    public IReadOnlyList<string> ErrorsBesidesStatus(int status) =>
        [.. Errors.Where(e => !e.StartsWith($"console: Failed to load resource: the server responded with a status of {status} ", StringComparison.Ordinal))];

    internal static async Task<BrowserPage> OpenAsync(IBrowserContext context, Uri site, ITestOutputHelper output)
    {
        var page = await context.NewPageAsync();
        var opened = new BrowserPage(context, page, site, output);
        context.Request += (_, request) => opened.Record(request.Url);
        page.PageError += (_, error) => opened.RecordError("uncaught: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") opened.RecordError($"console: {message.Text} ({message.Location})");
        };
        await context.RouteAsync(url => opened.IsForeign(new Uri(url)), route => route.AbortAsync("blockedbyclient"));
        return opened;
    }

    /// <summary>Goes to <paramref name="path"/> on the served bot and waits for it to load.</summary>
    public async Task<IResponse?> GoToAsync(string path) => await Page.GotoAsync(path);

    /// <summary>Saves a full-page screenshot under <see cref="Screenshots.Folder"/> and names the file in the test output.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Screenshots.PathFor(name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>Runs axe on the page as it is now and fails, listing each one, on any serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var report = AxeViolations.Describe(result.Violations);
        if (report.Length > 0) Assert.Fail($"axe found serious or critical violations on {Page.Url}:\n{report}");
        output.WriteLine($"axe: no serious or critical violation on {Page.Url} ({result.Violations.Length} minor or moderate).");
    }

    /// <summary>
    /// Presses Tab from the top of the page until focus comes round again (or leaves the page), and
    /// returns the interactive elements that never got focus (visible, enabled links, buttons, fields and anything with a
    /// tabindex of 0 or more) and the order in which the others did, each as "tag#id" or "tag 'text'".
    /// </summary>
    public async Task<KeyboardWalk> WalkByKeyboardAsync() => await KeyboardWalk.RunAsync(Page);

    bool IsForeign(Uri url) =>
        url.Scheme is not ("data" or "blob" or "about") && !string.Equals(url.Authority, Site.Authority, StringComparison.OrdinalIgnoreCase);

    void Record(string url)
    {
        lock (requests) requests.Add(new Uri(url));
    }

    void RecordError(string error)
    {
        lock (errors) errors.Add(error);
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
