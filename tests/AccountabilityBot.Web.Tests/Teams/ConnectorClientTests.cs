using System.Net;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>The Connector client against the fake Bot Framework, without a host.</summary>
public sealed class ConnectorClientTests
{
    const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    readonly FakeBotFramework fake = new();
    readonly IHttpClientFactory http;
    readonly TeamsSettings settings;

    public ConnectorClientTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient();
        fake.Install(services);
        http = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        settings = new TeamsSettings
        {
            AppId = FakeBotFramework.AppId, AppPassword = FakeBotFramework.AppPassword, TokenEndpoint = fake.Settings["Teams:TokenEndpoint"],
        };
    }

    ConnectorClient Client(TimeSpan? maxWait = null) => new(http, new BotTokenProvider(http, settings, TimeProvider.System),
        new ConversationRateLimiter(new InProcessSendPacing(TimeProvider.System), NullLogger<ConversationRateLimiter>.Instance),
        new ConnectorRetryPolicy(TimeProvider.System) { BaseDelay = TimeSpan.FromMilliseconds(10), MaxWait = maxWait ?? TimeSpan.FromSeconds(30) },
        new AccountabilityBot.Core.Messaging.PlatformPauses(), NullLogger<ConnectorClient>.Instance);

    static Activity Message() => new() { Type = "message", Text = "hello" };

    [Fact]
    public async Task TimeoutAfterSending_OutcomeUnknown_NotSentAgain()
    {
        var attempts = 0;
        fake.Fault = _ => ++attempts == 1 ? new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout") : null;

        var e = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            Client().SendToConversationAsync(ServiceUrl, "a:chat", Message(), CancellationToken.None));

        Assert.Equal(("outcome_unknown", true), (e.PlatformError, e.Permanent));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ConnectionRefused_NothingWasSent_IsRetried()
    {
        var attempts = 0;
        fake.Fault = _ => ++attempts == 1 ? new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused") : null;

        Assert.NotNull(await Client().SendToConversationAsync(ServiceUrl, "a:chat", Message(), CancellationToken.None));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task ServiceUnavailableTwice_BacksOff_ThenSucceeds()
    {
        fake.Next.Enqueue(FakeBotFramework.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        fake.Next.Enqueue(FakeBotFramework.Json(HttpStatusCode.PreconditionFailed, """{"error":{"code":"PreconditionFailed"}}"""));

        Assert.NotNull(await Client().SendToConversationAsync(ServiceUrl, "a:chat", Message(), CancellationToken.None));
        Assert.Equal([503, 412, 200], fake.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task RetryAfterLongerThanWeHoldAWorker_IsHandedBackAsTransientWithTheWait()
    {
        fake.Next.Enqueue(FakeBotFramework.Json(
            HttpStatusCode.TooManyRequests, FakeBotFramework.Fixture("connector_error_too_many_requests_http429.json"), TimeSpan.FromMinutes(2)));

        var e = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            Client().SendToConversationAsync(ServiceUrl, "a:chat", Message(), CancellationToken.None));

        Assert.Equal(("TooManyRequests", false, TimeSpan.FromMinutes(2)), (e.PlatformError, e.Permanent, e.RetryAfter));
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task ConnectorRefusesTheToken_OnceAFreshTokenIsFetched()
    {
        fake.Next.Enqueue(FakeBotFramework.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"BotNotRegistered"}}"""));
        Assert.NotNull(await Client().SendToConversationAsync(ServiceUrl, "a:chat", Message(), CancellationToken.None));
        Assert.Equal(2, fake.TokenRequests);
    }

    [Fact]
    public async Task SendAndUpdate_UseTheConversationAndActivityPaths()
    {
        var client = Client();
        var reply = await client.SendToConversationAsync(ServiceUrl, "19:c@thread.tacv2", Message(), CancellationToken.None);
        await client.UpdateActivityAsync(ServiceUrl, "19:c@thread.tacv2", reply!, Message() with { Text = "edited" }, CancellationToken.None);

        Assert.Equal(["POST /amer/v3/conversations/19:c@thread.tacv2/activities", $"PUT /amer/v3/conversations/19:c@thread.tacv2/activities/{reply}"],
            fake.Calls.Select(c => $"{c.Method} {c.Path}"));
        Assert.Equal("edited", fake.Calls.Last().Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task FakeConnector_RefusesAnInvalidCard_LikeTeams()
    {
        var card = new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock" }) }; // a TextBlock needs its text
        var e = await Assert.ThrowsAsync<ChatDeliveryException>(() => Client().SendToConversationAsync(ServiceUrl, "a:chat",
            new Activity { Type = "message", Attachments = [new Attachment(Activity.AdaptiveCardContentType, card)] }, CancellationToken.None));
        Assert.Equal(("BadArgument", true), (e.PlatformError, e.Permanent));
        Assert.Single(fake.InvalidCards);
    }

    [Fact]
    public async Task Token_IsCachedUntilFiveMinutesBeforeExpiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new BotTokenProvider(http, settings, clock);
        await tokens.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        await tokens.GetTokenAsync(CancellationToken.None);
        Assert.Equal(1, fake.TokenRequests);
        clock.Advance(TimeSpan.FromMinutes(2)); // 56 of 60 minutes: inside the margin
        await tokens.GetTokenAsync(CancellationToken.None);
        Assert.Equal(2, fake.TokenRequests);
    }

    [Fact]
    public async Task WrongSecret_IsAPermanentErrorThatNeverShowsTheSecret()
    {
        settings.AppPassword = "wrong-secret";
        var e = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            new BotTokenProvider(http, settings, TimeProvider.System).GetTokenAsync(CancellationToken.None));
        Assert.Equal(("invalid_client", true), (e.PlatformError, e.Permanent));
        Assert.DoesNotContain("wrong-secret", e.Message);
        Assert.Contains("Teams:AppPassword", e.Advice);
    }
}
