using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Slack settings are checked at start-up, with messages a CCO can act on.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackStartupTests
{
    [Theory]
    [InlineData("xoxb-1", "", "", "Slack:SigningSecret")]
    [InlineData("not-a-bot-token", "secret", "", "xoxb-")]
    [InlineData("xoxb-1", "secret", "xoxb-wrong", "xapp-")]
    [InlineData("", "", "xapp-1", "Slack:BotToken")]
    public async Task Start_WithBadSlackSettings_Refuses(string botToken, string secret, string appToken, string named)
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Slack:BotToken"] = botToken, ["Slack:SigningSecret"] = secret, ["Slack:AppToken"] = appToken });
        var failure = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public async Task Start_WithoutSlack_HasNoSlackEndpoints()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));
        var response = await app.CreateClient().PostAsync("/slack/commands", new StringContent("x"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
