using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

[Collection(WebTests.Name)]
public sealed class CustomerEventsApiTests : IAsyncLifetime
{
    static readonly Dictionary<string, string?> Limits = new() { ["Api:MaxEventsPerRequest"] = "3", ["Api:MaxJsonBytes"] = "4096" };
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), Limits);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    static readonly object[] TwoEvents =
    [
        new
        {
            date = "2026-11-02", type = "won", customerId = "C-1", customerName = "ACME Dental", customerGroup = "Clinics", annualValue = 36000,
            externalId = "crm-1",
        },
        new { date = "2026-11-03", type = "lost", customerName = "Bright Smiles", annualValue = "12,000", reason = "price", story = "They left." },
    ];

    Task<int> EventCountAsync() => app.WithDbAsync(db => db.CustomerEvents.CountAsync());

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_Batch_WritesOnce_AndAgainUpdates(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday), Limits);
        var app = host.App;
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var first = await client.PostAsJsonAsync("/api/v1/customer-events", new { events = TwoEvents });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inserted").GetInt32());
        var again = await client.PostAsJsonAsync("/api/v1/customer-events", TwoEvents);
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abk_0000000000000000_not-a-real-secret")]
    [InlineData("garbage")]
    public async Task Post_WithoutValidKey_Is401AndWritesNothing(string? key)
    {
        await ApiClient.CreateKeyAsync(app);
        var client = key is null ? app.CreateClient() : app.WithKey(key);
        var response = await client.PostAsJsonAsync("/api/v1/customer-events", TwoEvents);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task Post_WithRevokedKey_Is401()
    {
        var key = await ApiClient.CreateKeyAsync(app, "old");
        await app.SayAsync("ana", "apikey revoke old");
        var response = await app.WithKey(key).PostAsJsonAsync("/api/v1/customer-events", TwoEvents);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TooManyEventsOrTooLarge_Is400Or413BeforeWriting()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var many = await client.PostAsJsonAsync("/api/v1/customer-events", Enumerable.Repeat(TwoEvents[0], 4));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("at most 3", await many.Content.ReadAsStringAsync());
        var big = await client.PostAsJsonAsync("/api/v1/customer-events", new { events = TwoEvents, padding = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        var notJson = await client.PostAsync("/api/v1/customer-events", new StringContent("{oops", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await EventCountAsync());
    }

    [Theory]
    [InlineData("{\"date\":\"2026-11-02\",\n\"type\":\"won\",\"type\":\"lost\",\"customerName\":\"A\",\"annualValue\":1}",
        "The key 'type' appears twice in one object (again at line 2, byte 14)")]
    [InlineData("[{\"date\":\"2026-11-02\",\"type\":\"won\",\"customerName\":\"\\ud800\",\"annualValue\":1}]",
        "The value of 'customerName' at line 1, byte 51 is not valid UTF-8 text")]
    public async Task Post_DuplicateKeyOrTextThatIsNotUtf8_Is400NamingTheKeyAndWhere(string body, string expected)
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var response = await client.PostAsync("/api/v1/customer-events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task Post_InvalidUtf8Bytes_Is400WithWhere_NotA500()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        byte[] body = [.. "{\"date\":\"2026-11-02\",\"type\":\"won\",\"customerName\":\"M"u8, 0xFC, .. "ller\",\"annualValue\":1}"u8];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync("/api/v1/customer-events", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The value of 'customerName' at line 1, byte 50 is not valid UTF-8 text",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task Post_BadEvent_Is422WithEveryProblem_AndNothingWritten()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var response = await client.PostAsJsonAsync("/api/v1/customer-events",
            new object[] { TwoEvents[0], new { date = "soon", type = "won", customerName = "X", annualValue = -1 } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report").GetProperty("problems");
        Assert.Equal(["annualValue", "date"], problems.EnumerateArray().Select(p => p.GetProperty("column").GetString()!).Order());
        Assert.All(problems.EnumerateArray(), p => Assert.Equal(2, p.GetProperty("line").GetInt32()));
        Assert.Equal(0, await EventCountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Metrics_AfterWebhook_SumsTheRange(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday), Limits);
        var app = host.App;
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        await client.PostAsJsonAsync("/api/v1/customer-events", TwoEvents);
        var metrics = await client.GetFromJsonAsync<JsonElement>("/api/v1/metrics?from=2026-11-01&to=2026-11-30");
        Assert.Equal(36000m, metrics.GetProperty("won").GetProperty("value").GetDecimal());
        Assert.Equal(24000m, metrics.GetProperty("net").GetProperty("value").GetDecimal());
        Assert.Equal("price", metrics.GetProperty("lostReasons")[0].GetProperty("reason").GetString());
        Assert.Equal(12, metrics.GetProperty("trend").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/metrics?from=2026-12-01&to=2026-11-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/metrics")).StatusCode);
    }
}

[Collection(WebTests.Name)]
public sealed class SignedWebhookTests : IAsyncLifetime
{
    const string Secret = "test-signing-secret";
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
        new Dictionary<string, string?> { ["Api:SigningSecret"] = Secret, ["Api:RequestsPerMinute"] = "5" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    static HttpRequestMessage Signed(string body, long timestamp, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customer-events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(RequestSignature.SignatureHeader, signature ?? RequestSignature.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    [Fact]
    public async Task Post_SignatureChecks_RejectBeforeParsing_AndAcceptAGoodOne()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var now = BotApplication.Thursday.ToUnixTimeSeconds();
        const string Body = """{"date":"2026-11-02","type":"won","customerName":"ACME","annualValue":100}""";
        // Not even JSON, but unsigned: 401, not 400, so nothing was parsed.
        var unsigned = await client.PostAsync("/api/v1/customer-events", new StringContent("{oops", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Signed("{oops", now, "v1=00"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Signed(Body, now - 301))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Signed(Body, now - 10))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    [Fact]
    public async Task Requests_OverThePerKeyLimit_Get429WithRetryAfter()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++) statuses.Add((last = await client.GetAsync("/api/v1/metrics")).StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Another key has its own window.
        Assert.Equal(HttpStatusCode.OK, (await app.WithKey(await ApiClient.CreateKeyAsync(app, "other")).GetAsync("/api/v1/metrics")).StatusCode);
    }
}
