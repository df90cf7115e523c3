using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Charts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Charts;

public sealed class ChartLinksTests
{
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero));
    readonly EphemeralDataProtectionProvider keys = new();

    [Fact]
    public void Read_TheLinksOwnToken_GivesBackTheChartsNumbers()
    {
        var chart = ChartSamples.Week(7, 2);
        var links = new ChartLinks(keys, clock);

        var read = links.Read(links.Token(chart));

        Assert.NotNull(read);
        Assert.Equal((chart.Title, chart.Currency, chart.Won, chart.Lost), (read.Title, read.Currency, read.Won, read.Lost));
        Assert.Equal(chart.Weeks, read.Weeks);
        Assert.Equal("", read.Text); // the picture needs the numbers, not the words
    }

    [Fact]
    public void Read_AnyByteChanged_IsRefused()
    {
        var links = new ChartLinks(keys, clock);
        var sealedBytes = WebEncoders.Base64UrlDecode(links.Token(ChartSamples.Week()));
        for (var i = 0; i < sealedBytes.Length; i += 7)
        {
            var changed = (byte[])sealedBytes.Clone();
            changed[i] ^= 0x01;
            Assert.Null(links.Read(WebEncoders.Base64UrlEncode(changed)));
        }
        Assert.Null(links.Read("not-a-token"));
        Assert.Null(links.Read(""));
    }

    [Fact]
    public void Read_SealedByAnotherBot_IsRefused()
    {
        var token = new ChartLinks(new EphemeralDataProtectionProvider(), clock).Token(ChartSamples.Week());
        Assert.Null(new ChartLinks(keys, clock).Read(token));
    }

    [Fact]
    public void Read_AfterThirtyDays_IsRefused()
    {
        var links = new ChartLinks(keys, clock);
        var token = links.Token(ChartSamples.Week());

        clock.Advance(ChartLinks.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(links.Read(token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.Read(token));
    }

    [Fact]
    public void PathAndUrl_AreUnderChartsAndThePublicAddress()
    {
        var links = new ChartLinks(keys, clock);
        var chart = ChartSamples.Week();

        Assert.Matches("^/charts/[A-Za-z0-9_-]+\\.png$", links.PathFor(chart));
        Assert.Matches("^https://bot\\.example\\.test/teams-bot/charts/[A-Za-z0-9_-]+\\.png$",
            links.UrlFor(new Uri("https://bot.example.test/teams-bot/"), chart));
        Assert.InRange(links.Token(chart).Length, 100, 1_500); // short enough for a card's image url
    }

    [Fact]
    public void MessageJson_ChartBlock_SurvivesTheOutbox()
    {
        var message = ChartSamples.Message(ChartSamples.Week());
        var back = MessageJson.Deserialize(MessageJson.Serialize(message));
        var chart = Assert.IsType<JarChartBlock>(back.Blocks[2]);
        var sent = (JarChartBlock)message.Blocks[2];
        Assert.Equal((sent.Title, sent.Text, sent.Won, sent.Lost), (chart.Title, chart.Text, chart.Won, chart.Lost));
        Assert.Equal(sent.Weeks, chart.Weeks);
        Assert.Contains("\"block\":\"jarChart\"", MessageJson.Serialize(message));
    }
}
