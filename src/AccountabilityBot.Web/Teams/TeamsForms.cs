using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Renders Core's forms as Adaptive Cards (`form commit`, …; `form` lists them). A submitted form becomes the same
/// command text anyone could type, so the command engine validates it and answers as usual; the card's own checks
/// (required fields, a date picker, a number of at least 0) catch the obvious mistakes before it is sent.
/// </summary>
public static class TeamsForms
{
    public const string FormKey = "form";
    // Teams shows at most six actions in a set; the form list keeps well under it.
    const int ButtonsPerRow = 4;

    /// <summary>"form" or "form commit" typed (or clicked) in Teams: the form asked for, "" for the list.</summary>
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

    /// <summary>The card for the form named <paramref name="name"/> ("" or unknown: a card of buttons, one per form).</summary>
    public static JsonObject Card(string name, FormContext context) => FormCatalog.Find(name) is { } form ? Card(form, context) : List();

    public static JsonObject Card(FormSpec form, FormContext context) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = AdaptiveCardRenderer.Version,
        ["body"] = new JsonArray([Heading(form.Title), .. form.Fields.SelectMany(f => Field(f, context))]),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit", ["title"] = form.SubmitLabel, ["data"] = new JsonObject { [FormKey] = form.Name },
        }),
    };

    /// <summary>Every form as a button that asks for it, in the catalog's order.</summary>
    public static JsonObject List() => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = AdaptiveCardRenderer.Version,
        ["body"] = new JsonArray([
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Which form?", ["wrap"] = true, ["weight"] = "Bolder" },
            .. FormCatalog.All.Chunk(ButtonsPerRow).Select(row => new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray([.. row.Select(f => new JsonObject
                {
                    ["type"] = "Action.Submit", ["title"] = f.MenuLabel,
                    ["data"] = new JsonObject { [AdaptiveCardRenderer.CommandKey] = "form " + f.Name },
                })]),
            }),
        ]),
    };

    static JsonObject Heading(string title) =>
        new() { ["type"] = "TextBlock", ["text"] = title, ["wrap"] = true, ["weight"] = "Bolder", ["size"] = "Medium" };

    /// <summary>The input for a field, followed by its hint if it has one.</summary>
    public static IEnumerable<JsonObject> Field(FormField field, FormContext context)
    {
        var input = Input(field, context);
        input["id"] = field.Id;
        input["label"] = field.Label;
        input["isRequired"] = field.Required;
        if (field.Placeholder is { } placeholder) input["placeholder"] = placeholder;
        if (context.Initial(field) is { } initial) input["value"] = initial;
        if (field.Required) input["errorMessage"] ??= RequiredMessage(field);
        yield return input;
        if (field.Hint is { } hint)
            yield return new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = hint, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None",
            };
    }

    static JsonObject Input(FormField field, FormContext context) => field.Kind switch
    {
        FieldKind.Text or FieldKind.LongText => Text(field),
        FieldKind.Date => new() { ["type"] = "Input.Date" },
        // The grammar finds a person by the name the bot knows them by: owner:@maria.
        FieldKind.Person => new() { ["type"] = "Input.Text", ["placeholder"] = "@name, or me", ["maxLength"] = 100 },
        FieldKind.Choice => Choice(field, context),
        FieldKind.Number => Number(field),
        FieldKind.Time => new() { ["type"] = "Input.Time" },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "A field kind Teams cannot render yet."),
    };

    static JsonObject Text(FormField field) => new()
    {
        ["type"] = "Input.Text", ["maxLength"] = field.TextLimit, ["isMultiline"] = field.Kind == FieldKind.LongText,
    };

    // A choice with nothing to choose from (a team without journey stages) is typed instead.
    static JsonObject Choice(FormField field, FormContext context)
    {
        var options = context.Options(field);
        if (options.Count == 0) return Text(field);
        return new()
        {
            ["type"] = "Input.ChoiceSet", ["style"] = "compact",
            ["choices"] = new JsonArray([.. options.Select(c => new JsonObject { ["title"] = c, ["value"] = c })]),
        };
    }

    static JsonObject Number(FormField field)
    {
        var input = new JsonObject { ["type"] = "Input.Number" };
        if (field.Min is { } min)
        {
            input["min"] = min;
            input["errorMessage"] = string.Create(CultureInfo.InvariantCulture, $"{field.Label} is a number of at least {min}.");
        }
        return input;
    }

    static string RequiredMessage(FormField field) => field.Kind switch
    {
        FieldKind.Date => "Pick a date.",
        FieldKind.Time => "Pick a time.",
        FieldKind.Choice => $"Choose one: {field.Label}",
        _ => $"Please fill in: {field.Label}",
    };

    /// <summary>The command a submitted form stands for, or null if the submit is not one of our forms (or lacks a required value).</summary>
    public static string? Command(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Get(v, FormKey) is not { } name || FormCatalog.Find(name) is not { } form) return null;
        return form.CommandText(form.Read(id => Get(v, id)));
    }

    static string? Get(JsonElement v, string key) =>
        v.TryGetProperty(key, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetDecimal().ToString(CultureInfo.InvariantCulture),
            _ => null,
        } : null;
}
