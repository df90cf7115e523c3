using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Teams;

[Collection(ChatHostTests.Name)]
public sealed class TeamsStartupTests
{
    [Theory]
    [InlineData("6e0f6a3c-2d4b-4c55-9c5e-0c3b1f7a9d21", null, "Teams:AppPassword is missing")]
    [InlineData(null, "secret", "Teams:AppPassword is set but Teams:AppId is empty")]
    [InlineData("my-bot", "secret", "Teams:AppId must be the bot's Microsoft App ID")]
    public async Task HalfConfiguredTeams_RefusesToStart_SayingWhatIsMissing(string? appId, string? password, string message)
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Teams:AppId"] = appId, ["Teams:AppPassword"] = password });
        var error = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Settings_Defaults_AreThePublicBotFrameworkCloud()
    {
        var s = new TeamsSettings { AppId = "6e0f6a3c-2d4b-4c55-9c5e-0c3b1f7a9d21", AppPassword = "x" };
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", s.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", s.ResolvedTokenEndpoint);
        Assert.Equal(("https://api.botframework.com", "https://api.botframework.com/.default"), (s.Issuer, s.Scope));
        s.TenantId = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f";
        Assert.Equal("https://login.microsoftonline.com/b28fdbfd-2b78-4f93-b0f8-8881793f0f8f/oauth2/v2.0/token", s.ResolvedTokenEndpoint);
    }

    [Fact]
    public async Task SigningKeysUnavailable_Is503_SoTheConnectorRetries_NothingStored()
    {
        await using var host = new TeamsHost();
        host.Fake.MetadataDown = true;
        var response = await host.PostAsync(TeamsHost.Message("help"));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, await host.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ReceivedCommands)));

        host.Fake.MetadataDown = false; // back up: the next delivery goes through
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Message("help"))).StatusCode);
    }

    [Fact]
    public async Task TeamsOff_ApiMessagesIsNotServed()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));
        var response = await app.CreateClient().PostAsync("/api/messages", new StringContent("{}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
