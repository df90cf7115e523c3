using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Hosting;

/// <summary>/healthz says the process lives; /readyz says it can work: its database and job storage answer.</summary>
[Collection(WebTests.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_WithDatabaseAndJobStorageReachable_IsReady()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));
        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }

    [Fact]
    public async Task Readyz_WhenTheDatabaseCannotBeRead_Is503NamingIt_WhileHealthzStaysOk()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));
        var client = app.CreateClient();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Members" RENAME TO "MembersGone" """));

        var response = await client.GetAsync("/readyz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("not ready", (string?)body["status"]);
        Assert.NotNull(body["problems"]!["database"]);
        Assert.Null(body["problems"]!["jobs"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
