using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

/// <summary>POST /api/v1/touchpoints/{name}/values: the customer-event API's key, signature, limits and problem bodies.</summary>
[Collection(WebTests.Name)]
public sealed class TouchpointsApiTests : IAsyncLifetime
{
    const string Secret = "touchpoint-secret";
    const string Path = "/api/v1/touchpoints/First%20reply%20within%204%20hours/values";
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
        new Dictionary<string, string?> { ["Api:SigningSecret"] = Secret, ["Api:MaxEventsPerRequest"] = "3" });
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4");
        client = app.WithKey(await ApiClient.CreateKeyAsync(app));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<HttpResponseMessage> PostAsync(string body, string path = Path, long? at = null, HttpClient? with = null,
        string mediaType = "application/json")
    {
        var timestamp = at ?? BotApplication.Thursday.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(RequestSignature.SignatureHeader, RequestSignature.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return (with ?? client).SendAsync(request);
    }

    Task<List<decimal>> ValuesAsync() => app.WithDbAsync(db => db.TouchpointValues.OrderBy(v => v.On).Select(v => v.Value).ToListAsync());

    [Fact]
    public async Task Post_OneValueThenABatch_WritesOnePerDay_TheLaterReplacing()
    {
        var one = await PostAsync("""{"date":"2026-11-24","value":3.5,"unit":"hours"}""");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("T-1", (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("touchpoint").GetString());
        var batch = await PostAsync("""{"values":[{"date":"2026-11-24","value":4.25},{"date":"2026-11-25","value":"3","unit":"h"}]}""",
            path: "/api/v1/touchpoints/T-1/values");
        var report = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (report.GetProperty("inserted").GetInt32(), report.GetProperty("updated").GetInt32()));
        Assert.Equal([4.25m, 3m], await ValuesAsync());
    }

    [Fact]
    public async Task Post_UnknownTouchpoint_Is404WithAProblemBody_NamingTheNearest()
    {
        var response = await PostAsync("""{"date":"2026-11-24","value":3}""", path: "/api/v1/touchpoints/First%20reply%20withn%204%20hours/values");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Did you mean `First reply within 4 hours`?", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"date":"2026-11-24","value":3,"unit":"days"}""", "is measured in hours, not days")]
    [InlineData("""[{"date":"2026-11-24","value":3},{"date":"2026-11-27","value":3}]""", "values[1]: 2026-11-27 is in the future")]
    [InlineData("""{"date":"2026-11-24","value":"soon"}""", "numeric \"value\"")]
    [InlineData("""{"date":"24/11/2026","value":3}""", "\"date\" (YYYY-MM-DD)")]
    [InlineData("""[{"date":"2026-11-21","value":1},{"date":"2026-11-22","value":1},{"date":"2026-11-23","value":1},{"date":"2026-11-24","value":1}]""",
        "send at most 3")]
    public async Task Post_BadValues_Is400_AndTheWholeBatchIsRefused(string body, string expected)
    {
        var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains(expected));
        Assert.Empty(await ValuesAsync());
    }

    [Fact]
    public async Task Post_WithoutKeyOrSignature_Is401_AndWritesNothing()
    {
        const string Body = """{"date":"2026-11-24","value":3}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Body, with: app.CreateClient())).StatusCode);
        var unsigned = await client.PostAsync(Path, new StringContent(Body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Body, at: BotApplication.Thursday.ToUnixTimeSeconds() - 301)).StatusCode);
        Assert.Empty(await ValuesAsync());
    }

    [Fact]
    public async Task PostCsv_WritesEachLinesValue_SignedLikeJson()
    {
        var response = await PostAsync("\uFEFFdate;value;unit\n2026-11-23;3.5;hours\n2026-11-24;4.25;\n2026-11-25;\"3\";h\n", mediaType: "text/csv");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0), (report.GetProperty("inserted").GetInt32(), report.GetProperty("updated").GetInt32()));
        Assert.Equal([3.5m, 4.25m, 3m], await ValuesAsync());
        var unsigned = await client.PostAsync(Path, new StringContent("date,value\n2026-11-22,1\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(3, (await ValuesAsync()).Count);
    }

    [Theory]
    [InlineData("date;value\n2026-11-23;3\n24/11/2026;3\n2026-11-25;4,25\n", "line 3: the date '24/11/2026' is not YYYY-MM-DD",
        "line 4: the value '4,25' is not a number (decimals with a point")]
    [InlineData("date,value,unit\n2026-11-23,3,days\n2026-11-27,3,\n", "line 2: First reply within 4 hours is measured in hours, not days",
        "line 3: 2026-11-27 is in the future")]
    [InlineData("day,value\n2026-11-23,3\n", "line 1: the header needs a 'date' and a 'value' column", null)]
    [InlineData("date,value\n", "There are no values under the header", null)]
    [InlineData("date,value\n2026-11-21,1\n2026-11-22,1\n2026-11-23,1\n2026-11-24,1\n", "More than 3 values in one request; send at most 3", null)]
    public async Task PostCsv_BadLines_Are400_NamingEachLine_AndTheWholeFileIsRefused(string csv, string first, string? second)
    {
        var response = await PostAsync(csv, mediaType: "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.StartsWith(first, problems[0]);
        if (second is not null) Assert.StartsWith(second, Assert.Single(problems.Skip(1)));
        Assert.Empty(await ValuesAsync());
    }

    [Fact]
    public async Task Post_AsPlainText_Is415_NamingBothMediaTypes()
    {
        var response = await PostAsync("date,value\n2026-11-23,3\n", mediaType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/csv", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
