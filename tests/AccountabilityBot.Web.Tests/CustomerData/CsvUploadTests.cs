using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

[Collection(WebTests.Name)]
public sealed class CsvUploadTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    const string Csv = ApiClient.Header + "\n2026-11-02,won,C-1,ACME Dental,Clinics,36000,USD,,,,E-1\n2026-11-03,lost,,Bright,,9000,,price,,,\n";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_TextCsvAndMultipart_ImportOnceThenUpdate(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var text = await client.PostAsync("/api/v1/customer-events/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal(2, (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inserted").GetInt32());

        using var form = new MultipartFormDataContent { { new StringContent(Csv, Encoding.UTF8, "text/csv"), "file", "events.csv" } };
        var multipart = await client.PostAsync("/api/v1/customer-events/import", form);
        Assert.Equal(HttpStatusCode.OK, multipart.StatusCode);
        Assert.Equal(2, (await multipart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
        Assert.Equal(45000m, await app.WithDbAsync(db => db.CustomerEvents.SumAsync(e => e.AnnualValue)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_CentsAndAStory_AreKeptExactly_AndTheJarSumsThem(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        const string Cents = ApiClient.Header + "\n2026-11-23,won,C-7,Clinic A,Clinics,1234.56,USD,,,,E-7\n" +
            "2026-11-24,won,C-8,Clinic B,Clinics,0.10,USD,,,,E-8\n2026-11-24,lost,C-9,Clinic C,,1000.01,USD,price,They left.,,E-9\n";
        for (var i = 0; i < 2; i++)
        {
            var response = await client.PostAsync("/api/v1/customer-events/import", new StringContent(Cents, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal([0.10m, 1000.01m, 1234.56m],
            await app.WithDbAsync(db => db.CustomerEvents.OrderBy(e => e.AnnualValue).Select(e => e.AnnualValue).ToListAsync()));
        Assert.Equal("They left.", await app.WithDbAsync(db => db.LostStories.Select(s => s.Narrative).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Group != null && c.Group.Name == "Clinics")));
        var metrics = await client.GetFromJsonAsync<JsonElement>("/api/v1/metrics?from=2026-11-01&to=2026-11-30");
        Assert.Equal(1234.66m, metrics.GetProperty("won").GetProperty("value").GetDecimal());
        Assert.Equal(234.65m, metrics.GetProperty("net").GetProperty("value").GetDecimal());
        Assert.Contains("2 customers · $1,235 a year", (await app.SayAsync("ana", "jar")).Text); // whole dollars in chat
    }

    [Fact]
    public async Task Upload_BadRow_Is422WithReport_PartialWritesTheRest()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var bad = Csv + "2026-11-04,won,,Typo,,12k?,,,,,\n";
        var strict = await client.PostAsync("/api/v1/customer-events/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict.StatusCode);
        var problem = (await strict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report").GetProperty("problems")[0];
        Assert.Equal((4, "annual_value"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString()));
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));

        var partial = await client.PostAsync("/api/v1/customer-events/import?partial=true", new StringContent(bad, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    [Fact]
    public async Task Upload_Over50MB_Is413BeforeReading()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        // Generated on the fly: the body is never held in memory, and the server refuses it from its declared length.
        var content = new StreamContent(new GeneratedCsv(50L * 1024 * 1024 + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Headers.ContentLength = 50L * 1024 * 1024 + 1;
        var response = await client.PostAsync("/api/v1/customer-events/import", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    [Fact]
    public async Task Upload_UnknownMapping_Is400()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var response = await client.PostAsync("/api/v1/customer-events/import?mapping=zoho", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("salesforce", await response.Content.ReadAsStringAsync());
    }
}

[Collection(WebTests.Name)]
public sealed class ChunkedUploadLimitTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
        new Dictionary<string, string?> { ["Api:MaxImportBytes"] = "65536" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Upload_ChunkedBodyOverTheLimit_Is413AndRollsBack()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        var content = new StreamContent(new GeneratedCsv(200_000)); // no Content-Length: only counting while reading catches it
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync("/api/v1/customer-events/import?partial=true", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }
}

/// <summary>A valid canonical CSV of <paramref name="length"/> bytes, produced as it is read.</summary>
sealed class GeneratedCsv(long length) : Stream
{
    long position;
    byte[] pending = Encoding.UTF8.GetBytes(ApiClient.Header + "\n");
    int offset;
    int row;

    public override int Read(byte[] buffer, int start, int count)
    {
        var written = 0;
        while (written < count && position < length)
        {
            if (offset == pending.Length)
            {
                pending = Encoding.UTF8.GetBytes($"2026-11-02,won,,Customer {++row},,1000,,,,,G-{row}\n");
                offset = 0;
            }
            var n = (int)Math.Min(Math.Min(count - written, pending.Length - offset), length - position);
            Array.Copy(pending, offset, buffer, start + written, n);
            (offset, written, position) = (offset + n, written + n, position + n);
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long o, SeekOrigin s) => throw new NotSupportedException();
    public override void SetLength(long v) => throw new NotSupportedException();
    public override void Write(byte[] b, int o, int c) => throw new NotSupportedException();
}
