using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Teams forms for the records people make most: a commitment, a decision, a frontline resolution, a lost-customer
/// story and the cadence (`form commit`, …; `form` lists them). A submitted form becomes the same command text
/// anyone could type, so the command engine validates it and answers as usual; the card's own checks (required
/// fields, a date picker, a number of at least 0) catch the obvious mistakes before it is sent.
/// </summary>
public static class TeamsForms
{
    public const string FormKey = "form";
    public static readonly string[] Kinds = ["commit", "decide", "resolved", "story", "cadence"];
    static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekdays", "daily"];

    /// <summary>"form" or "form commit" typed (or clicked) in Teams: the kind asked for, "" for the list.</summary>
    public static string? Requested(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["form" or "forms"] => "",
            ["form" or "forms", var kind] => kind,
            _ => null,
        };
    }

    /// <summary>The card for <paramref name="kind"/> ("" or unknown: a card of buttons, one per form).</summary>
    public static JsonObject Card(string kind, IReadOnlyList<string> stages, string zone) => kind switch
    {
        "commit" => Form("Commit to an improvement", kind,
            Text("title", "What will you improve?", "Fix the onboarding email sequence"),
            Date("due", "Due by", required: true),
            Choice("stage", "Journey stage", stages, required: false)),
        "decide" => Form("Record a decision", kind,
            Text("text", "What did leadership decide?", "Waive the fee for outage customers", multiline: true),
            Date("due", "Done by (optional)", required: false),
            Text("re", "Prompted by (optional reference, e.g. L-5)", "L-5", required: false)),
        "resolved" => Form("Log a problem you resolved", kind,
            Text("what", "What did you do?", "Refunded shipping for a late delivery", multiline: true),
            Text("customer", "For which customer? (optional)", "ACME Dental", required: false),
            Choice("stage", "Journey stage", stages, required: false),
            new JsonObject
            {
                ["type"] = "Input.Number", ["id"] = "cost", ["label"] = "What it cost (optional)", ["min"] = 0,
                ["errorMessage"] = "The cost is a number of at least 0.",
            }),
        "story" => Form("Tell a lost customer's story", kind,
            Text("customer", "Which customer left?", "ACME Dental"),
            Text("text", "What happened to them?", "Three missed deliveries in October, and nobody called.", multiline: true)),
        "cadence" => Form("When scheduled posts go out", kind,
            Choice("kind", "Which post", CadenceKinds.All, required: true),
            Choice("days", "Days", Days, required: true),
            new JsonObject { ["type"] = "Input.Time", ["id"] = "time", ["label"] = "Time", ["isRequired"] = true, ["errorMessage"] = "Pick a time." },
            Text("zone", "Time zone (IANA, e.g. Europe/London)", zone, required: true, value: zone)),
        _ => new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = AdaptiveCardRenderer.Version,
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Which form?", ["wrap"] = true, ["weight"] = "Bolder" }),
            ["actions"] = new JsonArray(Kinds.Select(k => (JsonNode)new JsonObject
            {
                ["type"] = "Action.Submit", ["title"] = k, ["data"] = new JsonObject { [AdaptiveCardRenderer.CommandKey] = "form " + k },
            }).ToArray()),
        },
    };

    /// <summary>The command a submitted form stands for, or null if the submit is not one of our forms.</summary>
    public static string? Command(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Get(v, FormKey) is not { } kind) return null;
        string? Opt(string key, string name, bool quote = false) => Get(v, key) is { } x ? $" {name}:{(quote ? Quote(x) : x)}" : "";
        return kind switch
        {
            "commit" when Get(v, "title") is { } title && Get(v, "due") is { } due => $"commit {Plain(title)} due:{due}{Opt("stage", "stage", quote: true)}",
            "decide" when Get(v, "text") is { } text => $"decide {Plain(text)}{Opt("due", "due")}{Opt("re", "re")}",
            "resolved" when Get(v, "what") is { } what =>
                $"resolved {Quote(what)}{Opt("customer", "customer", quote: true)}{Opt("stage", "stage", quote: true)}{Opt("cost", "cost")}",
            "story" when Get(v, "customer") is { } customer && Get(v, "text") is { } text => $"story {Quote(customer)} {Quote(text)}",
            "cadence" when Get(v, "kind") is { } k && Get(v, "days") is { } days && Get(v, "time") is { } time =>
                $"cadence {k} {days} {time}{(Get(v, "zone") is { } zone ? " " + zone : "")}",
            _ => null,
        };
    }

    static JsonObject Form(string title, string kind, params JsonObject[] inputs) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = AdaptiveCardRenderer.Version,
        ["body"] = new JsonArray([new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["wrap"] = true, ["weight"] = "Bolder", ["size"] = "Medium" }, .. inputs]),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit", ["title"] = "Save", ["data"] = new JsonObject { [FormKey] = kind },
        }),
    };

    static JsonObject Text(string id, string label, string placeholder, bool required = true, bool multiline = false, string? value = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["placeholder"] = placeholder, ["maxLength"] = 1000,
            ["isMultiline"] = multiline, ["isRequired"] = required,
        };
        if (required) input["errorMessage"] = $"Please fill in: {label}";
        if (value is not null) input["value"] = value;
        return input;
    }

    static JsonObject Date(string id, string label, bool required)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label, ["isRequired"] = required };
        if (required) input["errorMessage"] = "Pick a date.";
        return input;
    }

    static JsonObject Choice(string id, string label, IEnumerable<string> choices, bool required) => new()
    {
        ["type"] = "Input.ChoiceSet", ["id"] = id, ["label"] = label, ["style"] = "compact", ["isRequired"] = required,
        ["errorMessage"] = $"Choose one: {label}",
        ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c, ["value"] = c }).ToArray()),
    };

    static string? Get(JsonElement v, string key) =>
        v.TryGetProperty(key, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(p.GetString()) => p.GetString()!.Trim(),
            JsonValueKind.Number => p.GetDecimal().ToString(CultureInfo.InvariantCulture),
            _ => null,
        } : null;

    /// <summary>Free text becomes one line with no double quotes, so it cannot end a quoted value or add options.</summary>
    static string Plain(string s) => string.Join(' ', s.Replace('"', '\'').Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    static string Quote(string s) => $"\"{Plain(s)}\"";
}
