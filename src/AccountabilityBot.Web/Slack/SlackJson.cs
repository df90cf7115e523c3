using System.Text.Json;

namespace AccountabilityBot.Web.Slack;

/// <summary>Tolerant reads of Slack's JSON: a missing or differently typed field is null, never an exception.</summary>
public static class SlackJson
{
    /// <summary>Web defaults without \uXXXX escapes for non-ASCII, so lengths match Slack's character limits.</summary>
    public static readonly JsonSerializerOptions Relaxed = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Str(this JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return null;
        }
        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>Parses JSON text, or null when it is not a JSON object.</summary>
    public static JsonElement? Parse(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return root.ValueKind == JsonValueKind.Object ? root : null;
        }
        catch (JsonException) { return null; }
    }
}
