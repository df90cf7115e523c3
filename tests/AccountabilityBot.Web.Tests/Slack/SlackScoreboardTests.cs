using System.Text.Encodings.Web;
using System.Text.Json;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary><c>/cx scoreboard</c> from signed Slack slash commands: your own until the CCO shares everyone's, then by name.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackScoreboardTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public async Task InitializeAsync()
    {
        // Named against their ids' order, so a list by name is told from a list by id.
        host.Slack.Users["UTOM"] = ("Tom", "tom@acme.example", "America/Los_Angeles");
        host.Slack.Users["UZMA"] = ("Maria", "maria@acme.example", "Europe/Madrid");
        await host.CommandAsync("help");
        await host.CommandAsync("help", user: "UZMA"); // her profile (and name) from Slack
        await host.CommandAsync("role <@UTOM> executive");
        await host.CommandAsync("role <@UZMA> executive");
        await host.CommandAsync("commit Call back every complaint due:friday", user: "UTOM");
        await host.CommandAsync("done C-1", user: "UTOM");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    // Slack's answer as it reads, mentions unescaped.
    async Task<string> AskAsync(string text, string user = "UANA") =>
        (await host.CommandAsync(text, user)).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task Scoreboard_InTheChannel_IsYourOwn_UntilShared_ThenEveryoneByName()
    {
        var own = await AskAsync("scoreboard", user: "UTOM");
        Assert.Contains("Your follow-through, Q4 2026 so far", own);
        Assert.Contains("<@UTOM>", own);
        Assert.Contains("1 kept on time, 0 kept late", own);
        Assert.DoesNotContain("<@UZMA>", own);

        Assert.Contains("every executive now sees", await AskAsync("scoreboard share on"));
        var everyone = await AskAsync("scoreboard", user: "UTOM");
        Assert.Contains("Follow-through, Q4 2026 so far", everyone);
        Assert.True(everyone.IndexOf("<@UZMA>", StringComparison.Ordinal) is > 0 and var maria
            && maria < everyone.IndexOf("<@UTOM>", StringComparison.Ordinal), everyone);
    }
}
