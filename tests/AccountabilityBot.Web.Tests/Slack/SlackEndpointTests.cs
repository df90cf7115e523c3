using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Requests through the real pipeline: only correctly signed, fresh, reasonably sized ones get in.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackEndpointTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Commands_ThatFailBeforeTheyAreStored_AreToldNothingWasRecorded_Inline()
    {
        await host.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReceivedCommands\""));
        var answer = await host.CommandAsync("resolved \"Called the clinic back\" cost:0");
        Assert.Contains("nothing was recorded", answer.ToJsonString());
        Assert.Equal(0, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
    }

    [Fact]
    public async Task Events_UrlVerification_AnswersTheChallenge()
    {
        var response = await host.EventAsync(FakeSlack.Fixture("url_verification.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)body["challenge"]);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task Endpoints_ForgedSignature_Are401AndRecordNothing(string path)
    {
        var body = SlackHost.CommandBody("resolved \"forged\"");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", host.App.Clock.GetUtcNow().ToUnixTimeSeconds().ToString());
        request.Headers.Add("X-Slack-Signature", "v0=" + new string('a', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(request)).StatusCode);
        Assert.Equal(0, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync()));
    }

    [Fact]
    public async Task Commands_ReplayedSixMinutesLater_Is401()
    {
        var response = await host.PostSignedAsync("/slack/commands", SlackHost.CommandBody("help"), at: host.App.Clock.GetUtcNow().AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Commands_FutureDated_Is401()
    {
        var response = await host.PostSignedAsync("/slack/commands", SlackHost.CommandBody("help"), at: host.App.Clock.GetUtcNow().AddMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Commands_MissingHeadersOrEmptyBody_Are401()
    {
        var unsigned = await host.Client.PostAsync("/slack/commands",
            new StringContent(SlackHost.CommandBody("help"), Encoding.UTF8, "application/x-www-form-urlencoded"));
        var empty = await host.Client.PostAsync("/slack/commands", new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unsigned.StatusCode, empty.StatusCode));
    }

    [Fact]
    public async Task Commands_OversizeBody_Is413()
    {
        var response = await host.PostSignedAsync("/slack/commands", SlackHost.CommandBody("resolved \"" + new string('x', 70_000) + "\""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Commands_SslCheck_Is200WithoutSignatureAndDispatchesNothing()
    {
        var response = await host.Client.PostAsync("/slack/commands",
            new StringContent("ssl_check=1&token=x&text=resolved+%22x%22", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync()));
    }

    [Fact]
    public async Task Commands_OversizeChunkedBodyWithoutLength_Is413()
    {
        var content = new StreamContent(new MemoryStream(new byte[70_000]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Interactions_SignedButWithoutAPayload_Is400()
    {
        var missing = await host.PostSignedAsync("/slack/interactions", "foo=bar");
        var broken = await host.PostSignedAsync("/slack/interactions", "payload=%7Bnot-json");
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (missing.StatusCode, broken.StatusCode));
    }

    [Fact]
    public async Task Events_SignedButNotJson_Is400()
    {
        var response = await host.PostSignedAsync("/slack/events", "not json", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Commands_Resolved_AnswersInlineAndPersistsOnce()
    {
        var first = await host.CommandAsync("resolved \"Refunded shipping\" stage:Delivery cost:25", trigger: "111.222.abc");
        var again = await host.CommandAsync("resolved \"Refunded shipping\" stage:Delivery cost:25", trigger: "111.222.abc");

        Assert.Equal("ephemeral", (string?)first["response_type"]);
        Assert.Contains("R-1", (string?)first["text"]);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(1, await host.App.WithDbAsync(db => db.Resolutions.CountAsync()));
        var member = await host.App.WithDbAsync(db => db.Members.SingleAsync(m => m.PlatformUserId == "UANA"));
        Assert.Equal(ChatPlatform.Slack, member.Platform);
    }
}
