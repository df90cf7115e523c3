using System.Text;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>The real host with Teams configured against <see cref="FakeBotFramework"/>, and a way to send it activities.</summary>
public sealed class TeamsHost : IAsyncDisposable
{
    public FakeBotFramework Fake { get; }
    public BotApplication App { get; }

    /// <param name="dataDirectory">Another host's data, with <paramref name="fake"/> its Microsoft side: a restart.</param>
    public TeamsHost(IDictionary<string, string?>? extra = null, string? dataDirectory = null, FakeBotFramework? fake = null)
    {
        Fake = fake ?? new FakeBotFramework();
        var settings = Fake.Settings;
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        App = new BotApplication(dataDirectory ?? BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), settings, Fake.Install);
    }

    public DateTimeOffset Now => App.Clock.GetUtcNow();

    public static JsonObject Activity(string fixture) => JsonNode.Parse(FakeBotFramework.Fixture(fixture))!.AsObject();

    /// <summary>A valid Bot Connector token for this activity, which <paramref name="edit"/> may spoil.</summary>
    public string TokenFor(
        JsonObject activity, Action<SecurityTokenDescriptor>? edit = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        Fake.Keys.Mint(Now, FakeBotFramework.AppId, activity["serviceUrl"]?.GetValue<string>(), edit, key, algorithm);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, Action<SecurityTokenDescriptor>? edit = null) =>
        PostAsync(activity, "Bearer " + TokenFor(activity, edit));

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await App.CreateClient().SendAsync(request);
    }

    /// <summary>A 1:1 message from a Teams user, shaped like the recorded personal-chat fixture.</summary>
    public static JsonObject Message(string text, string userId = "29:user-ana", string name = "Ana Lopez", string id = "", string conversation = "a:chat-ana")
    {
        var a = Activity("message_personal_sdk_test.json");
        a["text"] = text;
        a["id"] = id.Length > 0 ? id : Guid.NewGuid().ToString("N");
        a["from"] = new JsonObject { ["id"] = userId, ["name"] = name, ["aadObjectId"] = "aad-" + userId };
        a["conversation"]!["id"] = conversation;
        return a;
    }

    /// <summary>A message @mentioning the bot in a channel thread (the recorded channel fixture), with other mentions as entities.</summary>
    public static JsonObject InChannel(string channel, string messageId, string from, string name, string text, params (string Id, string Name)[] mentions)
    {
        var a = Activity("message_channel_mention_thread_reply.json");
        a["id"] = messageId;
        a["serviceUrl"] = "https://smba.trafficmanager.net/amer/";
        a["conversation"]!["id"] = $"{channel};messageid={messageId}";
        a["from"] = new JsonObject { ["id"] = from, ["name"] = name };
        a["text"] = "<at>ridotest</at> " + text;
        foreach (var (id, mentioned) in mentions)
            a["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention", ["text"] = $"<at>{mentioned}</at>", ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = mentioned },
            });
        return a;
    }

    /// <summary>Runs <paramref name="act"/> with the host's services, as a job would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    /// <summary>Every card the bot sent in the test was a valid Adaptive Card 1.5.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Assert.True(Fake.InvalidCards.IsEmpty, string.Join("\n\n", Fake.InvalidCards));
    }
}

/// <summary>
/// One host shared by a test class. Tests that share it never assert on totals: rejected requests store nothing, and
/// accepted ones each use a conversation of their own.
/// </summary>
public class TeamsHostFixture : IAsyncLifetime
{
    TeamsHost? host;
    protected virtual IDictionary<string, string?>? Settings => null;
    public TeamsHost Host => host ??= new TeamsHost(Settings);
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }
}

public static class JsonObjectExtensions
{
    /// <summary>Edits a fixture in place and hands it back, for one-expression test activities.</summary>
    public static JsonObject Also(this JsonObject o, Action<JsonObject> edit)
    {
        edit(o);
        return o;
    }
}
