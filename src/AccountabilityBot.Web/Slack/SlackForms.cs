using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Renders Core's forms as Slack modals, opened from the `/cx` menu: each field is an input block, and the submission
/// is read back into the form's values, which the form turns into ordinary command text.
/// </summary>
public static class SlackForms
{
    public const string CallbackId = "cx_form", ActionPrefix = "cx_form_", ValueActionId = "v";
    // Slack's limits: plain_text_input max_length, static_select options, option text and value, and "placeholder" text.
    const int InputMax = 3000, OptionsMax = 100, OptionTextMax = 75, OptionValueMax = 150, PlaceholderMax = 150;

    /// <summary>private_metadata: which form, and the channel it was opened from.</summary>
    public sealed record Metadata(string Form, string? Channel);

    public static JsonObject View(FormSpec form, FormContext context, string? channel) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKit.Plain(form.Title),
        ["submit"] = BlockKit.Plain(form.SubmitLabel),
        ["close"] = BlockKit.Plain("Cancel"),
        ["private_metadata"] = JsonSerializer.Serialize(new Metadata(form.Name, channel), SlackJson.Relaxed),
        ["blocks"] = new JsonArray([.. form.Fields.Select(f => InputBlock(f, context))]),
    };

    public static JsonObject InputBlock(FormField field, FormContext context)
    {
        var element = Element(field, context);
        element["action_id"] = ValueActionId;
        if (field.Placeholder is { } placeholder) element["placeholder"] = BlockKit.Plain(SlackMrkdwn.Trim(placeholder, PlaceholderMax));
        var block = new JsonObject
        {
            ["type"] = "input", ["block_id"] = field.Id, ["label"] = BlockKit.Plain(SlackMrkdwn.Trim(field.Label, BlockKit.FieldMax)),
            ["optional"] = !field.Required, ["element"] = element,
        };
        if (field.Hint is { } hint) block["hint"] = BlockKit.Plain(SlackMrkdwn.Trim(hint, BlockKit.FieldMax));
        return block;
    }

    static JsonObject Element(FormField field, FormContext context) => field.Kind switch
    {
        FieldKind.Text or FieldKind.LongText => TextInput(field, context),
        FieldKind.Date => new() { ["type"] = "datepicker" },
        FieldKind.Person => new() { ["type"] = "users_select" },
        FieldKind.Choice => Select(field, context),
        FieldKind.Number => Number(field),
        FieldKind.Time => new() { ["type"] = "timepicker" },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "A field kind Slack cannot render yet."),
    };

    static JsonObject TextInput(FormField field, FormContext context)
    {
        var input = new JsonObject
        {
            ["type"] = "plain_text_input", ["multiline"] = field.Kind == FieldKind.LongText, ["max_length"] = Math.Min(field.TextLimit, InputMax),
        };
        if (context.Initial(field) is { } initial) input["initial_value"] = initial;
        return input;
    }

    // A choice with nothing to choose from (a team without journey stages) is typed instead.
    static JsonObject Select(FormField field, FormContext context)
    {
        var options = context.Options(field).Where(o => o.Length <= OptionValueMax).Take(OptionsMax).ToList();
        if (options.Count == 0) return TextInput(field, context);
        return new()
        {
            ["type"] = "static_select",
            ["options"] = new JsonArray([.. options.Select(o =>
                new JsonObject { ["text"] = BlockKit.Plain(SlackMrkdwn.Trim(o, OptionTextMax)), ["value"] = o })]),
        };
    }

    static JsonObject Number(FormField field)
    {
        var input = new JsonObject { ["type"] = "number_input", ["is_decimal_allowed"] = true };
        if (field.Min is { } min) input["min_value"] = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return input;
    }

    /// <summary>The submitted view's values; a chosen person becomes a mention, as the grammar reads one.</summary>
    public static FormValues Read(FormSpec form, JsonElement view) => form.Read(id => Read(view, id));

    static string? Read(JsonElement view, string blockId)
    {
        if (!view.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var values)
            || !values.TryGetProperty(blockId, out var block) || !block.TryGetProperty(ValueActionId, out var input)) return null;
        return input.Str("value") ?? input.Str("selected_date") ?? input.Str("selected_time") ?? input.Str("selected_option", "value")
            ?? (input.Str("selected_user") is { } user ? $"<@{user}>" : null);
    }

    public static Metadata? ReadMetadata(string? json)
    {
        try { return json is null ? null : JsonSerializer.Deserialize<Metadata>(json, SlackJson.Relaxed); }
        catch (JsonException) { return null; }
    }
}
