using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccountabilityBot.Web.Tests.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>
/// The host on real Kestrel and a real socket: the in-memory test server never sees chunk framing, and Kestrel's own
/// body limit counts it.
/// </summary>
public sealed class KestrelHost : IAsyncLifetime
{
    public const int ApiLimit = 4096, ChatLimit = 64 * 1024;

    public BotApplication App { get; } = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
        new Dictionary<string, string?>
        {
            ["Api:MaxImportBytes"] = $"{ApiLimit}", ["Api:MaxJsonBytes"] = $"{ApiLimit}",
            ["Slack:SigningSecret"] = SlackHost.Secret, ["Local:Enabled"] = "true",
        });

    public string ApiKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        ApiKey = await ApiClient.CreateKeyAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[Collection(WebTests.Name)]
public sealed class BodyLimitTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    [Theory]
    [InlineData("/api/v1/customer-events/import?partial=true", KestrelHost.ApiLimit)]
    [InlineData("/api/v1/customer-events", KestrelHost.ApiLimit)]
    [InlineData("/local/messages", KestrelHost.ChatLimit)]
    [InlineData("/slack/commands", KestrelHost.ChatLimit)]
    public async Task BodyJustUnderTheLimit_IsAccepted_WithContentLengthOrChunked(string path, int limit)
    {
        var withLength = await SendAsync(path, limit - 1, chunked: false);
        var chunked = await SendAsync(path, limit - 1, chunked: true);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, withLength.Status);
        Assert.True((int)withLength.Status < 500, withLength.Body);
        Assert.Equal(withLength.Status, chunked.Status);
    }

    [Theory]
    [InlineData("/api/v1/customer-events/import?partial=true", KestrelHost.ApiLimit)]
    [InlineData("/api/v1/customer-events", KestrelHost.ApiLimit)]
    [InlineData("/local/messages", KestrelHost.ChatLimit)]
    [InlineData("/slack/commands", KestrelHost.ChatLimit)]
    public async Task BodyJustOverTheLimit_Is413WithAProblem_WithContentLengthOrChunked(string path, int limit)
    {
        foreach (var chunked in new[] { false, true })
        {
            var (status, type, body) = await SendAsync(path, limit + 1, chunked);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            Assert.Equal("application/problem+json", type);
            Assert.Contains($"limited to {limit:N0} bytes", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        }
    }

    async Task<(HttpStatusCode Status, string? Type, string Body)> SendAsync(string path, int size, bool chunked)
    {
        var (bytes, contentType) = Body(path, size);
        Assert.Equal(size, bytes.Length);
        // Without a length the client must send the body in chunks, and does: one per write of this stream's copy loop.
        HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes), 1024) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var client = host.App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", host.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        var response = await client.SendAsync(request);
        Assert.Equal(chunked, request.Headers.TransferEncodingChunked == true && request.Content.Headers.ContentLength is null);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A well-formed body of exactly <paramref name="size"/> bytes for the endpoint, padded where padding is harmless.</summary>
    static (byte[] Bytes, string ContentType) Body(string path, int size)
    {
        string Pad(string head, string tail) => head + new string('x', size - head.Length - tail.Length) + tail;
        return path switch
        {
            _ when path.StartsWith("/api/v1/customer-events/import", StringComparison.Ordinal) =>
                (Encoding.UTF8.GetBytes(Pad(ApiClient.Header + "\n2026-11-02,won,,Padded Co,,1000,,,\"", "\",,G-1\n")), "text/csv"),
            "/api/v1/customer-events" =>
                (Encoding.UTF8.GetBytes(
                    Pad("""{"date":"2026-11-02","type":"won","customerName":"Padded Co","annualValue":1000,"externalId":"p-1","story":" """, "\"}")),
                "application/json"),
            "/local/messages" => (Encoding.UTF8.GetBytes(Pad("""{"user":"ana","channel":"leadership","text":"help","note":" """, "\"}")), "application/json"),
            _ => (Encoding.UTF8.GetBytes(Pad("command=%2Fcx&text=help&pad=", "")), "application/x-www-form-urlencoded"),
        };
    }
}
