using System.Net;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Tests.Charts;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>The local channel shows the marble jar's picture too: the reply names it, the bot serves it, the page draws it.</summary>
[Collection(ChatHostTests.Name)]
public sealed class LocalChartTests : IAsyncLifetime
{
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Jar_Reply_CarriesThePictureAboveItsWords_AndTheBotServesIt()
    {
        await app.SayAsync("ana", "won \"Bright Smiles\" value:24000");
        await app.SayAsync("ana", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\"");

        var reply = await app.SayAsync("ana", "jar");

        var at = reply.Parts.ToList().FindIndex(p => p.Image is not null);
        Assert.True(at >= 0, "no part of the reply carries a picture");
        var image = reply.Parts[at].Image!;
        Assert.Matches("^/charts/[A-Za-z0-9_-]+\\.png$", image.Url);
        Assert.Contains("won against customers lost", image.Alt);
        Assert.StartsWith("Won vs lost", reply.Parts[at + 1].Text); // its words right under it
        Assert.Contains("1 customer won ($24,000 a year), 1 customer lost ($36,000 a year)", reply.Text);

        using var picture = await app.CreateClient().GetAsync(image.Url);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", picture.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(JarChartRendererTests.PngSignature, (await picture.Content.ReadAsByteArrayAsync())[..8]);

        // The transcript the page polls names the picture too.
        var said = (await app.TranscriptAsync("leadership")).Last();
        Assert.Contains(said.Parts!, p => p.Image is { } i && i.Url.StartsWith("/charts/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/charts/not-a-token.png")]
    [InlineData("/charts/x")]
    public async Task Picture_UnknownLink_Is404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(path)).StatusCode);

    [Fact]
    public void Page_DrawsThePictureWithItsAltText_FromThisBotOnly()
    {
        using var stream = typeof(LocalReply).Assembly.GetManifestResourceStream("AccountabilityBot.Web.Local.LocalPage.html")!;
        var page = new StreamReader(stream).ReadToEnd();
        Assert.Contains("img-src 'self'", page);
        Assert.Contains("img.alt = ", page);
        Assert.Contains("startsWith(\"/charts/\")", page);
    }
}
