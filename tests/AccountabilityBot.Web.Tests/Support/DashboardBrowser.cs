using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// A browser as far as the dashboard can tell: its own cookies, no automatic redirects, the navigation header real
/// browsers send on a click, and the antiforgery token read from each page's form. Signs in the only way there is:
/// asking the bot for a link on the local channel, opening it and pressing the button.
/// </summary>
public sealed partial class DashboardBrowser(BotApplication app, bool https = false) : IDisposable
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/"),
    });

    /// <summary>The last page's antiforgery token, for the next POST.</summary>
    public string? FormToken { get; private set; }

    public static async Task<string> AskForLinkAsync(BotApplication app, string user)
    {
        var reply = await app.SayAsync(user, "dashboard");
        return LinkIn(reply.Text) ?? throw new InvalidOperationException("No sign-in link in: " + reply.Text);
    }

    public static string? LinkIn(string text) => Link().Match(text) is { Success: true } m ? m.Value : null;

    public static string TokenOf(string link) => link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

    public async Task<HttpResponseMessage> OpenAsync(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        return await Read(await Client.SendAsync(request));
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string>? fields = null, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields ?? []);
        if (withToken && FormToken is not null) form["__RequestVerificationToken"] = FormToken;
        return await Read(await Client.PostAsync(path, new FormUrlEncodedContent(form)));
    }

    /// <summary>Opens the link, presses "Sign in", and lands on /dashboard.</summary>
    public async Task SignInAsync(string link)
    {
        var page = await OpenAsync(link);
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The sign-in page answered {page.StatusCode}.");
        var done = await PostAsync("/dashboard/sign-in", new() { ["token"] = TokenOf(link) });
        if (done.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in answered {done.StatusCode}.");
        await OpenAsync("http://localhost/dashboard");
    }

    public static async Task<DashboardBrowser> SignedInAsync(BotApplication app, string user, bool https = false)
    {
        var browser = new DashboardBrowser(app, https);
        await browser.SignInAsync(await AskForLinkAsync(app, user));
        return browser;
    }

    async Task<HttpResponseMessage> Read(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (AntiforgeryField().Match(html) is { Success: true } m) FormToken = WebUtility.HtmlDecode(m.Groups[1].Value);
        Html = html;
        return response;
    }

    public string Html { get; private set; } = "";

    public void Dispose() => Client.Dispose();

    [GeneratedRegex(@"https?://\S+?/dashboard/sign-in\?token=[A-Za-z0-9_-]+")]
    private static partial Regex Link();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
