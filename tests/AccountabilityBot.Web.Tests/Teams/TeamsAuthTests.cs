using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>One host for every rejected request: none of them may store anything, so they cannot disturb each other.</summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsAuthTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    TeamsHost Host => fixture.Host;
    static JsonObject Message() => TeamsHost.Message("help");

    async Task AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Unauthorized)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await Host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync()));
        Assert.Equal(0, await Host.App.WithDbAsync(db => db.Set<TeamsConversation>().CountAsync()));
        Assert.Equal(0, await Host.App.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task NoAuthorizationHeader_Is401() => await AssertRejectedAsync(await Host.PostAsync(Message(), authorization: null));

    [Fact]
    public async Task WrongScheme_Is401()
    {
        var a = Message();
        await AssertRejectedAsync(await Host.PostAsync(a, "Basic " + Host.TokenFor(a)));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("abc.def.ghi")]
    [InlineData("")]
    public async Task GarbageToken_Is401(string token) => await AssertRejectedAsync(await Host.PostAsync(Message(), "Bearer " + token));

    [Fact]
    public async Task ForgedSignature_KeyNotInTheSet_Is401()
    {
        var a = Message();
        await AssertRejectedAsync(await Host.PostAsync(a, "Bearer " + Host.TokenFor(a, key: Host.Fake.Keys.Forged)));
    }

    [Fact]
    public async Task AlgNone_Is401()
    {
        var a = Message();
        var unsigned = TokenMinter.Unsigned(Host.Now, FakeBotFramework.AppId, a["serviceUrl"]!.GetValue<string>());
        await AssertRejectedAsync(await Host.PostAsync(a, "Bearer " + unsigned));
    }

    [Fact]
    public async Task Hs256_Is401()
    {
        var a = Message();
        await AssertRejectedAsync(await Host.PostAsync(a, "Bearer " + Host.TokenFor(a, key: TokenMinter.HmacKey(), algorithm: SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task WrongIssuer_Is401() => await AssertRejectedAsync(await Host.PostAsync(Message(), d => d.Issuer = "https://sts.windows.net/evil/"));

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    [InlineData(null)]
    public async Task WrongEmptyOrMissingAudience_Is401(string? audience) =>
        await AssertRejectedAsync(await Host.PostAsync(Message(), d => d.Audience = audience));

    [Fact]
    public async Task ExpiredBeyondSkew_Is401() => await AssertRejectedAsync(await Host.PostAsync(Message(), d =>
    {
        d.NotBefore = Host.Now.UtcDateTime.AddHours(-2);
        d.IssuedAt = d.NotBefore;
        d.Expires = Host.Now.UtcDateTime.AddMinutes(-6);
    }));

    [Fact]
    public async Task NotYetValidBeyondSkew_Is401() => await AssertRejectedAsync(await Host.PostAsync(Message(), d =>
    {
        d.NotBefore = Host.Now.UtcDateTime.AddMinutes(6);
        d.IssuedAt = d.NotBefore;
        d.Expires = Host.Now.UtcDateTime.AddHours(1);
    }));

    [Fact]
    public async Task UnknownKeyId_RefreshesTheKeySetOnce_ThenIs401()
    {
        var before = Host.Fake.MetadataFetches;
        var a = Message();
        // The rotated key is not published (yet), so even a fresh key set cannot verify it.
        await AssertRejectedAsync(await Host.PostAsync(a, "Bearer " + Host.TokenFor(a, key: Host.Fake.Keys.Rotated)));
        Assert.True(Host.Fake.MetadataFetches > before, "an unknown kid must trigger a metadata refresh");
    }

    [Fact]
    public async Task ServiceUrlClaimMismatch_Is401()
    {
        var a = Message();
        var token = Host.Fake.Keys.Mint(Host.Now, FakeBotFramework.AppId, "https://smba.evil.example/amer/");
        await AssertRejectedAsync(await Host.PostAsync(a, "Bearer " + token));
    }

    [Fact]
    public async Task ServiceUrlClaimMissing_Is401()
    {
        var token = Host.Fake.Keys.Mint(Host.Now, FakeBotFramework.AppId, serviceUrl: null);
        await AssertRejectedAsync(await Host.PostAsync(Message(), "Bearer " + token));
    }

    [Fact]
    public async Task KeyNotEndorsedForMsteams_Is403()
    {
        var a = Message();
        await AssertRejectedAsync(await Host.PostAsync(a, "Bearer " + Host.TokenFor(a, key: Host.Fake.Keys.Unendorsed)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ChannelIdNotMsteams_Is401()
    {
        var a = Message();
        a["channelId"] = "slack";
        await AssertRejectedAsync(await Host.PostAsync(a));
    }

    [Fact]
    public async Task ValidTokenButBodyNotJson_Is400_NothingStored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Host.TokenFor(Message()));
        await AssertRejectedAsync(await Host.App.CreateClient().SendAsync(request), HttpStatusCode.BadRequest);
    }
}
