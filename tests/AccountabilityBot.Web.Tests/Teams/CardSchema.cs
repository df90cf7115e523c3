using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>Validates cards against the official Adaptive Card 1.5 schema (msteams, the Teams extension, taken off first).</summary>
public static class CardSchema
{
    static readonly Lazy<JsonSchema> AdaptiveCard = new(() => Load("adaptive-card.v1.5.0.json"));

    public static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Schemas", file)));

    public static void AssertValid(JsonObject card)
    {
        var errors = Errors(card);
        Assert.True(errors is null, errors);
    }

    /// <summary>Null for a valid card, else what is wrong with it.</summary>
    public static string? Errors(JsonObject card)
    {
        var pure = card.DeepClone().AsObject();
        pure.Remove("msteams");
        return Errors(AdaptiveCard.Value, pure);
    }

    public static void AssertValid(JsonSchema schema, JsonNode document)
    {
        var errors = Errors(schema, document);
        Assert.True(errors is null, errors);
    }

    static string? Errors(JsonSchema schema, JsonNode document)
    {
        var result = schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? null : "Schema errors:\n" + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(20));
    }
}
