/// <summary>A loopback stand-in for Slack's Web API: users.info knows every user, auth.test names the bot, everything else answers ok.</summary>
sealed class FakeSlackApi : IAsyncDisposable
{
    readonly WebApplication app;
    public string BaseUrl { get; private set; } = "";

    FakeSlackApi(WebApplication app) => this.app = app;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/users.info", async (HttpContext http) =>
        {
            var user = (await http.Request.ReadFormAsync())["user"].ToString();
            var json = new System.Text.Json.Nodes.JsonObject
            {
                ["ok"] = true,
                ["user"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = user, ["name"] = user.ToLowerInvariant(), ["tz"] = "America/New_York",
                    ["profile"] = new System.Text.Json.Nodes.JsonObject { ["display_name"] = user, ["email"] = user + "@bench.example" },
                },
            };
            return Results.Text(json.ToJsonString(), "application/json");
        });
        app.MapPost("/api/auth.test", () => Results.Text("""{"ok":true,"user_id":"UBOT","bot_id":"BBOT"}""", "application/json"));
        app.MapPost("/api/{method}", () => Results.Text("""{"ok":true,"ts":"1.1","channel":{"id":"D1"}}""", "application/json"));
        await app.StartAsync();
        var fake = new FakeSlackApi(app) { BaseUrl = app.Urls.First() + "/api/" };
        // Slack's API is warm when the bot starts: answer one users.info now, so the JIT of this stand-in (in the
        // driver's process) is not counted in the bot's first answer.
        using var http = new HttpClient();
        (await http.PostAsync(fake.BaseUrl + "users.info", new FormUrlEncodedContent([new("user", "UWARM")]))).EnsureSuccessStatusCode();
        return fake;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
