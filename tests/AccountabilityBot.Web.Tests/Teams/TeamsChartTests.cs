using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Charts;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>The weekly review's picture of the marble jar in Teams: a card showing it from a sealed link the bot serves.</summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsChartTests : IAsyncDisposable
{
    const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", Ana = "29:ana";
    const string Site = "https://bot.example.test";
    TeamsHost? host;
    int messageIds = 7000;

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }

    async Task<JsonObject> ReviewCardAsync(string? publicUrl, string setting = "Teams:PublicUrl")
    {
        host = new TeamsHost(new Dictionary<string, string?> { [setting] = publicUrl });
        async Task SayAsync(string text) => Assert.Equal(HttpStatusCode.OK,
            (await host.PostAsync(TeamsHost.InChannel(Channel, (++messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture), Ana, "Ana", text)))
                .StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsHost.Activity("installation_update_add_team.json"))).StatusCode);
        await SayAsync("channel leadership");
        await SayAsync("won \"Bright Smiles\" value:24000 on:2026-11-24");
        await SayAsync("lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" on:2026-11-23");
        Assert.Equal(1, await host.InScopeAsync(sp =>
            sp.GetRequiredService<AccountabilityBot.Core.Cadence.Posts.ReviewPosts>().RunAsync(CancellationToken.None)));
        var review = Assert.Single(host.Fake.Posts, p => p.Path == $"/amer/v3/conversations/{Channel}/activities");
        var card = review.Body!["attachments"]![0]!["content"]!.AsObject();
        CardSchema.AssertValid(card);
        Assert.InRange(review.Body.ToJsonString().Length * 2, 1, 80 * 1024); // Teams counts the activity in UTF-16
        return card;
    }

    static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).SelectMany(Elements)),
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    [Theory]
    [InlineData("Teams:PublicUrl")]
    [InlineData("Dashboard:PublicUrl")] // one https address for both, set once
    public async Task Review_WithPublicUrl_ShowsThePictureFromASealedLinkTheBotServes(string setting)
    {
        var card = await ReviewCardAsync(Site, setting);

        var image = Assert.Single(Elements(card["body"]), e => (string?)e["type"] == "Image");
        var url = (string)image["url"]!;
        Assert.StartsWith(Site + "/charts/", url);
        Assert.EndsWith(".png", url);
        Assert.Contains("won against customers lost", (string?)image["altText"]);
        Assert.DoesNotContain("36000", url); // the numbers travel sealed, not readable in the link
        Assert.Contains("1 customer won ($24,000 a year), 1 customer lost ($36,000 a year)", card.ToJsonString());

        var client = host!.App.CreateClient();
        var path = new Uri(url).AbsolutePath;
        using var picture = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        var bytes = await picture.Content.ReadAsByteArrayAsync();
        Assert.Equal(JarChartRendererTests.PngSignature, bytes[..8]);
        Assert.InRange(bytes.Length, 5_000, 60_000);

        // Still there three weeks on (last month's reviews keep their picture), gone after thirty days.
        host.App.Clock.Advance(TimeSpan.FromDays(21));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        host.App.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost:5000/")] // a dashboard on plain http is no address Teams fetches from
    public async Task Review_WithoutAnHttpsPublicUrl_CarriesTheChartInWordsOnly(string? dashboardUrl)
    {
        var card = await ReviewCardAsync(dashboardUrl, "Dashboard:PublicUrl");

        Assert.DoesNotContain(Elements(card["body"]), e => (string?)e["type"] == "Image");
        Assert.Contains("1 customer won ($24,000 a year), 1 customer lost ($36,000 a year)", card.ToJsonString());
    }

    [Theory]
    [InlineData("http://bot.example.test")]
    [InlineData("bot.example.test")]
    [InlineData("https://bot.example.test/?x=1")]
    public async Task Settings_PublicUrlNotHttps_AreRefusedWithWhatToSet(string publicUrl)
    {
        var settings = new FakeBotFramework().Settings;
        settings["Teams:PublicUrl"] = publicUrl;
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), settings);
        var error = Assert.Throws<SettingsRefusedException>(() => app.CreateClient());
        Assert.Contains("Teams:PublicUrl must be the bot's public https address", error.Message);
    }
}
