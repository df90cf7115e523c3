using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using AccountabilityBot.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>
/// One host with every way in switched on (customer-data API, local channel, Slack, Teams), for the malformed-input
/// fuzz: each request is authenticated for real (API key, Slack signature, Bot Framework token) so only the body is wrong.
/// </summary>
public sealed class BadInputHost : IAsyncLifetime
{
    public FakeBotFramework Teams { get; } = new();
    public FakeSlack Slack { get; } = new();
    public BotApplication App { get; }
    public string ApiKey { get; private set; } = "";

    public BadInputHost()
    {
        var settings = Teams.Settings;
        settings["Slack:SigningSecret"] = SlackHost.Secret;
        settings["Slack:BotToken"] = FakeSlack.BotToken;
        settings["Slack:ApiBaseUrl"] = "https://slack.test/api/";
        settings["Local:Enabled"] = "true";
        App = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), settings, services =>
        {
            Teams.Install(services);
            services.AddHttpClient<SlackWebApi>().ConfigurePrimaryHttpMessageHandler(() => Slack);
        });
        Slack.Clock = App.Clock;
    }

    public async Task InitializeAsync()
    {
        ApiKey = await ApiClient.CreateKeyAsync(App);
        var ok = await App.WithKey(ApiKey).PostAsync("/api/v1/customer-events",
            new StringContent(
                """{"date":"2026-11-02","type":"won","customerName":"ACME","annualValue":1000,"externalId":"e-1"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Everything a request could have written, as one comparable string.</summary>
    public Task<string> StoredAsync() => App.WithDbAsync(async db => string.Join(" | ",
        string.Join(",", await db.CustomerEvents.OrderBy(e => e.Id).Select(e => e.ExternalId + ":" + e.AnnualValue + ":" + e.Customer.Name).ToListAsync()),
        await db.Customers.CountAsync(), await db.ReceivedCommands.CountAsync(), await db.Members.CountAsync(),
        await db.Commitments.CountAsync(), await db.AuditTrail.CountAsync(), await db.OutboundMessages.CountAsync()));

    public HttpRequestMessage Request(string target, byte[] body, string? contentType)
    {
        var now = App.Clock.GetUtcNow();
        if (target.StartsWith("/slack/", StringComparison.Ordinal)) return SlackHost.Signed(target, body, SlackHost.Secret, now, contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target.StartsWith("/api/v1/", StringComparison.Ordinal)) request.Headers.Add("X-Api-Key", ApiKey);
        if (target == "/api/messages")
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                Teams.Keys.Mint(now, FakeBotFramework.AppId, "https://smba.trafficmanager.net/amer/"));
        return request;
    }
}

[Collection(WebTests.Name)]
public sealed class BadInputTests(BadInputHost host) : IClassFixture<BadInputHost>
{
    const string Json = "application/json";
    const string Form = "application/x-www-form-urlencoded";

    static readonly string[] JsonTargets = ["/api/v1/customer-events", "/local/messages", "/slack/events", "/api/messages", "/slack/interactions"];

    // One body shape every JSON endpoint reads: the customer event's fields, the local message's, a Slack event
    // envelope's and a Teams activity's; X marks where the malformed part goes.
    const string Shape =
        """{"type":"message","date":"2026-11-02","customerName":"X","annualValue":1000""" +
        ""","externalId":"e-2","reason":"price","user":"ana","channel":"leadership","text":"X","event":""" +
        """{"type":"app_mention","text":"X","user":"UANA","channel":"CLEAD"}}""";

    static byte[] With(byte[] x) =>
        [.. Encoding.UTF8.GetBytes(Shape[..Shape.IndexOf('X')]), .. x, .. Encoding.UTF8.GetBytes(Shape[(Shape.IndexOf('X') + 1)..])];

    static readonly (string Name, byte[] Body)[] MalformedJson =
    [
        ("invalid byte FF in a string", With([0xFF])),
        ("C3 28: a lead byte without its continuation", With([0xC3, 0x28])),
        ("overlong encoding of '/'", With([0xC0, 0xAF])),
        ("a UTF-16 surrogate encoded as UTF-8", With([0xED, 0xA0, 0x80])),
        ("a code point above U+10FFFF", With([0xF4, 0x90, 0x80, 0x80])),
        ("a sequence cut short", With([0x41, 0xE2, 0x82])),
        ("an escaped lone surrogate", With("\\ud800"u8.ToArray())),
        ("invalid UTF-8 in a key", [.. "{\"da"u8, 0xFE, .. "te\":\"2026-11-02\",\"type\":\"won\",\"text\":\"help\"}"u8]),
        ("invalid UTF-8 in the date", [.. "{\"date\":\"2026-11-"u8, 0xFF, .. "02\",\"type\":\"won\",\"customerName\":\"A\",\"annualValue\":1}"u8]),
        ("invalid UTF-8 in the external id",
            [.. "{\"date\":\"2026-11-02\",\"type\":\"won\",\"customerName\":\"A\",\"annualValue\":1,\"externalId\":\""u8, 0x80, .. "\"}"u8]),
        ("invalid UTF-8 in the reason",
            [.. "{\"date\":\"2026-11-02\",\"type\":\"lost\",\"customerName\":\"A\",\"annualValue\":1,\"reason\":\""u8, 0xC1, 0xBF, .. "\"}"u8]),
        ("a NUL inside a string", With([0x00])),
        ("the same key twice", Encoding.UTF8.GetBytes(
            """{"type":"won","type":"lost","date":"2026-11-02","customerName":"A","annualValue":1""" +
            ""","user":"ana","user":"tom","channel":"leadership","text":"help"}""")),
        ("truncated", Encoding.UTF8.GetBytes(Shape[..40])),
        ("empty", []),
        ("whitespace only", " \r\n "u8.ToArray()),
        ("not JSON", "type=won&date=today"u8.ToArray()),
        ("XML", "<event type=\"won\"/>"u8.ToArray()),
        ("a JSON string", "\"won\""u8.ToArray()),
        ("a JSON number", "42"u8.ToArray()),
        ("an array of numbers", "[1,2,3]"u8.ToArray()),
        ("null", "null"u8.ToArray()),
        ("wrong types everywhere", Encoding.UTF8.GetBytes(
            """{"type":["won"],"date":true,"customerName":{"a":1},"annualValue":"x","user":1""" +
            ""","channel":false,"text":[],"event":"x","from":"x","conversation":7}""")),
        ("nested 2,000 deep", Encoding.UTF8.GetBytes(new string('[', 2000) + new string(']', 2000))),
        ("nested objects 100 deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100))),
        ("a number too large for any type", Encoding.UTF8.GetBytes(
            """{"type":"message","date":"2026-11-02","customerName":"A","annualValue":1e400,"user":"ana","channel":"leadership","text":"help","id":1e400}""")),
        ("500 digits", Encoding.UTF8.GetBytes(
            $$"""{"type":"message","annualValue":{{new string('9', 500)}},"text":{{new string('9', 500)}},"user":"ana","channel":"leadership"}""")),
        ("a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Shape)]),
        ("UTF-16", Encoding.Unicode.GetBytes(Shape)),
        ("trailing garbage", Encoding.UTF8.GetBytes(Shape + "}}")),
        ("a comment", Encoding.UTF8.GetBytes("/* hi */" + Shape)),
    ];

    public static TheoryData<string, string, string?> Cases()
    {
        var cases = new TheoryData<string, string, string?>();
        foreach (var target in JsonTargets)
            foreach (var (name, _) in MalformedJson)
                cases.Add(target, name, target == "/slack/interactions" ? Form : Json);
        foreach (var target in JsonTargets.Where(t => !t.StartsWith("/slack/", StringComparison.Ordinal)))
            foreach (var contentType in new[] { "text/plain", "application/xml", Form, "multipart/form-data; boundary=x", null })
                cases.Add(target, "valid-looking JSON", contentType);
        foreach (var (name, _) in MalformedForms) cases.Add("/slack/commands", name, Form);
        foreach (var (name, _) in MalformedForms) cases.Add("/api/v1/customer-events/import", name, "text/csv");
        cases.Add("/slack/commands", "valid-looking JSON", Json);
        cases.Add("/slack/events", "valid-looking JSON", Form);
        cases.Add("/api/v1/customer-events/import", "valid-looking JSON", Json);
        return cases;
    }

    static readonly (string Name, byte[] Body)[] MalformedForms =
    [
        ("raw invalid UTF-8", [.. "text="u8, 0xFF, 0xFE, .. "&user_id=UANA&command=%2Fcx"u8]),
        ("percent-encoded invalid UTF-8", "text=%FF%C3%28%ED%A0%80&user_id=UANA&command=%2Fcx&channel_id=CLEAD"u8.ToArray()),
        ("a broken percent escape", "text=%G1%&user_id=UANA&command=%2Fcx"u8.ToArray()),
        ("truncated", "text=comm"u8.ToArray()),
        ("empty", []),
        ("a payload that is not JSON", "payload=%7Bnot"u8.ToArray()),
        ("binary", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()),
    ];

    [Fact]
    public async Task QueryValueThatCannotBeBound_Is400WithAProblemNamingIt()
    {
        var response = await host.App.CreateClient().SendAsync(
            host.Request("/api/v1/customer-events?partial=maybe", Encoding.UTF8.GetBytes(Shape), Json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("partial", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedBody_Is4xxWithAProblemSayingWhy_AndStoresNothing(string target, string body, string? contentType)
    {
        var bytes = body == "valid-looking JSON" ? Encoding.UTF8.GetBytes(Shape.Replace("\"X\"", "\"help\""))
            : target is "/slack/commands" or "/api/v1/customer-events/import" ? MalformedForms.Single(f => f.Name == body).Body
            : MalformedJson.Single(m => m.Name == body).Body;
        if (target == "/slack/interactions" && contentType == Form)
            bytes = [.. "payload="u8, .. Encoding.UTF8.GetBytes(string.Concat(bytes.Select(b => $"%{b:X2}")))];

        var before = await host.StoredAsync();
        var response = await host.App.CreateClient().SendAsync(host.Request(target, bytes, contentType));

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{target} answered {status} to {body}: {text}");
        // Slack's own protocol answers a slash command or an interaction it cannot act on with a 200 and a message.
        if (!(target.StartsWith("/slack/", StringComparison.Ordinal) && status == 200))
        {
            Assert.InRange(status, 400, 499);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null), text);
        }
        Assert.Equal(before, await host.StoredAsync());
    }
}
