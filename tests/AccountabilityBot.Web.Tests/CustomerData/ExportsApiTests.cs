using System.Net;
using AccountabilityBot.Web.Tests.Support;
using CsvHelper;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

[Collection(WebTests.Name)]
public sealed class ExportsApiTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    static List<string[]> Rows(string csv)
    {
        using var reader = CsvReader.FromText(csv);
        var rows = new List<string[]> { reader.Headers.ToArray() };
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return rows;
    }

    [Fact]
    public async Task Exports_EveryKind_AreSafeCsvWithHistory()
    {
        var client = app.WithKey(await ApiClient.CreateKeyAsync(app));
        await app.SayAsync("ana", "role @tom executive");
        await app.SayAsync("ana", "decide =HYPERLINK(\"http://x\") owner:@tom");
        await app.SayAsync("tom", "commit Call every lost clinic due:friday");
        await app.SayAsync("tom", "update C-1 at-risk \"-vendor slipped, again\"");
        await app.SayAsync("ana", "stop propose \"@Manager approval\" why:\"slow\"");
        await app.SayAsync("jo", "resolved \"Refunded shipping\" customer:\"ACME, Inc\" cost:25");

        var decisions = await client.GetAsync("/api/v1/exports/decisions.csv");
        Assert.Equal(HttpStatusCode.OK, decisions.StatusCode);
        Assert.Equal("text/csv", decisions.Content.Headers.ContentType?.MediaType);
        var d = Rows(await decisions.Content.ReadAsStringAsync());
        Assert.Equal(["D-1", "'=HYPERLINK( http://x )", "tom"], new[] { d[1][0], d[1][3], d[1][4] });

        var c = Rows(await client.GetStringAsync("/api/v1/exports/commitments.csv"));
        Assert.Equal(3, c.Count); // header, created, the update
        Assert.Equal(["created", "update"], c.Skip(1).Select(r => r[9]));
        Assert.Equal(("at risk", "'-vendor slipped, again"), (c[2][10], c[2][12]));

        var s = Rows(await client.GetStringAsync("/api/v1/exports/stop-list"));
        Assert.Equal("'@Manager approval", s[1][1]);
        var r = Rows(await client.GetStringAsync("/api/v1/exports/resolutions.csv"));
        Assert.Equal(("ACME, Inc", "25"), (r[1][4], r[1][6]));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/exports/secrets.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/exports/decisions.csv")).StatusCode);
    }
}
