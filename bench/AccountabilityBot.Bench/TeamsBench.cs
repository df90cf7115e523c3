// Teams figures: rendering the demo weekly review as Adaptive Cards (time, cards, largest card), and validating a
// Bot Connector token (signature, claims, endorsement) against an in-process key set, after the keys are cached.
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

static class TeamsBench
{
    const string AppId = "6e0f6a3c-2d4b-4c55-9c5e-0c3b1f7a9d21";
    const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    public static void Cards(ChatMessage review, int runs)
    {
        var timings = new List<double>();
        IReadOnlyList<RenderedCard> cards = [];
        for (var i = 0; i < runs + 10; i++)
        {
            var watch = Stopwatch.StartNew();
            cards = AdaptiveCardRenderer.Render(review);
            var json = cards.Select(c => c.ToTeamsCard().ToJsonString()).ToList();
            watch.Stop();
            if (i >= 10) timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        var largest = cards.Max(c => c.ToTeamsCard().ToJsonString().Length) * 2 / 1024.0;
        Console.WriteLine($"demo review as Adaptive Cards: runs={runs} p50={timings[runs / 2]:F2} ms p95={timings[(int)(runs * 0.95)]:F2} ms cards={cards.Count} largest={largest:F1} KB (UTF-16)");
    }

    public static async Task TokensAsync(int runs)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" };
        var p = key.Rsa.ExportParameters(false);
        var jwks = $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"k1","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}","endorsements":["msteams"]}]}""";
        var settings = new TeamsSettings { AppId = AppId, AppPassword = "x", OpenIdMetadataUrl = "https://login.test/meta" };
        var http = new Factory(url => url.EndsWith("/meta", StringComparison.Ordinal)
            ? """{"issuer":"https://api.botframework.com","jwks_uri":"https://login.test/keys","id_token_signing_alg_values_supported":["RS256"]}"""
            : jwks);
        var validator = new BotTokenValidator(settings, new BotSigningKeys(http, settings, TimeProvider.System), TimeProvider.System, NullLogger<BotTokenValidator>.Instance);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TeamsSettings.PublicIssuer, Audience = AppId, Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl }, SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var activity = new AccountabilityBot.Web.Teams.Activity { Type = "message", ChannelId = "msteams", ServiceUrl = ServiceUrl };
        var timings = new List<double>();
        for (var i = 0; i < runs + 10; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = BotTokenValidator.CheckActivity(await validator.AuthenticateAsync("Bearer " + token, CancellationToken.None), activity);
            watch.Stop();
            if (!result.Succeeded) throw new InvalidOperationException("The bench token was refused: " + result.Reason);
            if (i >= 10) timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        Console.WriteLine($"Bot Connector token validation (keys cached): runs={runs} p50={timings[runs / 2]:F3} ms p95={timings[(int)(runs * 0.95)]:F3} ms");
    }

    sealed class Factory(Func<string, string> serve) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Handler(serve));
    }

    sealed class Handler(Func<string, string> serve) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(serve(request.RequestUri!.ToString()), Encoding.UTF8, "application/json") });
    }
}
