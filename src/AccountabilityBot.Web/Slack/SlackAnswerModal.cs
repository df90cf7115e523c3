using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The modal an AskFor button opens: one text input with the button's question. Its submission fills the answer slot
/// of the button's command (<see cref="ActionButton.Fill"/>) and runs it as the member who clicked.
/// </summary>
public static class SlackAnswerModal
{
    public const string CallbackId = "cx_answer", BlockId = "answer", ActionId = "text";

    /// <summary>What rides in private_metadata (≤3000 chars): the command and where the click happened.</summary>
    public sealed record Metadata(string Command, string? Channel);

    public static JsonObject View(Metadata meta, string question) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKit.Plain("AccountabilityBot"),
        ["submit"] = BlockKit.Plain("Save"),
        ["close"] = BlockKit.Plain("Cancel"),
        ["private_metadata"] = JsonSerializer.Serialize(meta, SlackJson.Relaxed),
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = BlockId,
            ["label"] = BlockKit.Plain(SlackMrkdwn.Trim(question, BlockKit.FieldMax)),
            ["element"] = new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = ActionId,
                ["multiline"] = true,
                ["max_length"] = 2000,
            },
        }),
    };

    /// <summary>Reads a button's value of the form {"q":question,"c":command}.</summary>
    public static (string Question, string Command)? ReadButtonValue(string? value)
    {
        try
        {
            var node = value is null ? null : JsonNode.Parse(value);
            return node?["q"]?.GetValue<string>() is { } q && node["c"]?.GetValue<string>() is { } c ? (q, c) : null;
        }
        catch (JsonException) { return null; }
    }

    public static Metadata? ReadMetadata(string? json)
    {
        try { return json is null ? null : JsonSerializer.Deserialize<Metadata>(json, JsonSerializerOptions.Web); }
        catch (JsonException) { return null; }
    }

    /// <summary>The typed answer from view.state.values, or null when it is blank.</summary>
    public static string? ReadAnswer(JsonElement view) =>
        view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var values)
        && values.TryGetProperty(BlockId, out var block) && block.TryGetProperty(ActionId, out var input)
        && input.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { } s && s.Trim().Length > 0
            ? s.Trim() : null;
}
