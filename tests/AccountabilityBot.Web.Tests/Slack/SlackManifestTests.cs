using System.Text.Json;
using Json.Schema;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>manifests/slack/manifest.json against Slack's official manifest schema (slackapi/manifest-schema, MIT).</summary>
public sealed class SlackManifestTests
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    static JsonElement Manifest => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifests", "slack.manifest.json"))).RootElement;
    static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "schemas", "manifest.schema.1.0.0.json")),
        new BuildOptions { Dialect = Dialect.Draft07 });

    [Fact]
    public void Manifest_IsValidAgainstSlacksSchema()
    {
        var result = Schema.Evaluate(Manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_RejectsAnUnknownKey()
    {
        var broken = JsonDocument.Parse(Manifest.GetRawText().Replace("\"should_escape\"", "\"shuold_escape\"")).RootElement;
        Assert.False(Schema.Evaluate(broken).IsValid);
    }

    [Fact]
    public void Manifest_HasTheCommandSocketModeAndOnlyTheScopesTheBotUses()
    {
        var m = Manifest;
        var command = m.GetProperty("features").GetProperty("slash_commands")[0];
        Assert.Equal("/cx", command.GetProperty("command").GetString());
        Assert.True(command.GetProperty("should_escape").GetBoolean());
        Assert.True(m.GetProperty("settings").GetProperty("socket_mode_enabled").GetBoolean());
        Assert.True(m.GetProperty("settings").GetProperty("interactivity").GetProperty("is_enabled").GetBoolean());
        Assert.True(m.GetProperty("features").GetProperty("app_home").GetProperty("home_tab_enabled").GetBoolean());
        var scopes = m.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()).ToHashSet();
        Assert.Equal(
        [
            "commands", "chat:write", "files:write", "app_mentions:read", "channels:history", "groups:history", "im:history", "im:write", "users:read",
            "users:read.email", "channels:read", "groups:read",
        ], scopes);
        var events = m.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("bot_events")
            .EnumerateArray().Select(s => s.GetString()).ToHashSet();
        Assert.Equal(["app_home_opened", "app_mention", "message.im", "member_joined_channel", "tokens_revoked", "app_uninstalled", "user_change"], events);
    }
}
