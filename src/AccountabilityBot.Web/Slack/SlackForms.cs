using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Modals for structured entry, opened from the `/cx` menu: each field is an input block, and the submission is turned
/// into ordinary command text, so it goes through the same grammar, checks and records as typing it.
/// </summary>
public static class SlackForms
{
    public const string CallbackId = "cx_form", ActionPrefix = "cx_form_", ValueActionId = "v";

    public enum Input { Text, Multiline, Date, User }

    public sealed record Field(string Id, string Label, Input Input = Input.Text, bool Optional = false, string? Hint = null);

    public sealed record Form(string Name, string Title, string Button, IReadOnlyList<Field> Fields, Func<Func<string, string?>, string> Command);

    /// <summary>private_metadata: which form, and the channel it was opened from.</summary>
    public sealed record Metadata(string Form, string? Channel);

    public static readonly IReadOnlyList<Form> All =
    [
        new("commitment", "New commitment", "Make a commitment",
            [new("title", "What will you do?"), new("due", "Due", Input.Date), new("owner", "Owner", Input.User, Optional: true, Hint: "You, if left empty."),
             new("stage", "Journey stage", Optional: true, Hint: "e.g. Onboard, Use, Get help")],
            v => $"commit \"{v("title")}\" due:{v("due")}{Opt(v("owner"), u => $" owner:<@{u}>")}{Opt(v("stage"), s => $" stage:\"{s}\"")}"),
        new("decision", "New decision", "Record a decision",
            [new("text", "What did leadership decide?", Input.Multiline), new("owner", "Owner", Input.User, Optional: true),
             new("due", "Due", Input.Date, Optional: true)],
            v => $"decide {v("text")}{Opt(v("owner"), u => $" owner:<@{u}>")}{Opt(v("due"), d => $" due:{d}")}"),
        new("resolution", "Resolved it", "Log a resolution",
            [new("what", "What did you do for the customer?", Input.Multiline), new("customer", "Customer", Optional: true),
             new("stage", "Journey stage", Optional: true), new("cost", "Cost", Optional: true, Hint: "A whole amount, e.g. 25")],
            v => $"resolved \"{v("what")}\"{Opt(v("customer"), c => $" customer:\"{c}\"")}{Opt(v("stage"), s => $" stage:\"{s}\"")}{Opt(v("cost"), c => $" cost:{c}")}"),
        new("lost", "Lost customer", "Record a lost customer",
            [new("customer", "Customer"), new("value", "Yearly value", Hint: "e.g. 36000"), new("reason", "Why they left", Optional: true),
             new("story", "Their story", Input.Multiline, Optional: true, Hint: "What happened, in their words if you can.")],
            v => $"lost \"{v("customer")}\" value:{v("value")}{Opt(v("reason"), r => $" reason:\"{r}\"")}{Opt(v("story"), s => $" story:\"{s}\"")}"),
        new("stop", "Stop doing", "Propose a stop",
            [new("title", "What should the company stop doing?"), new("why", "Why", Input.Multiline, Optional: true)],
            v => $"stop propose \"{v("title")}\"{Opt(v("why"), w => $" why:\"{w}\"")}"),
    ];

    public static Form? Find(string? name) => All.FirstOrDefault(f => f.Name == name);

    public static JsonObject View(Form form, string? channel) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKit.Plain(form.Title),
        ["submit"] = BlockKit.Plain("Save"),
        ["close"] = BlockKit.Plain("Cancel"),
        ["private_metadata"] = JsonSerializer.Serialize(new Metadata(form.Name, channel), SlackJson.Relaxed),
        ["blocks"] = new JsonArray([.. form.Fields.Select(InputBlock)]),
    };

    /// <summary>The command the submitted view asks for; words are cleaned so they cannot end a quoted value.</summary>
    public static string Command(Form form, JsonElement view) => form.Command(id => Clean(Read(view, id)));

    /// <summary>Which field a refusal is about: the first whose name the message mentions ("due date…"), else the first.</summary>
    public static Func<string, string> ErrorBlock(Form form) => message =>
        form.Fields.FirstOrDefault(f => message.Contains(f.Id, StringComparison.OrdinalIgnoreCase))?.Id ?? form.Fields[0].Id;

    public static Metadata? ReadMetadata(string? json)
    {
        try { return json is null ? null : JsonSerializer.Deserialize<Metadata>(json, SlackJson.Relaxed); }
        catch (JsonException) { return null; }
    }

    static JsonObject InputBlock(Field field)
    {
        JsonObject element = field.Input switch
        {
            Input.Date => new() { ["type"] = "datepicker" },
            Input.User => new() { ["type"] = "users_select" },
            _ => new() { ["type"] = "plain_text_input", ["multiline"] = field.Input == Input.Multiline, ["max_length"] = 2000 },
        };
        element["action_id"] = ValueActionId;
        var block = new JsonObject { ["type"] = "input", ["block_id"] = field.Id, ["label"] = BlockKit.Plain(field.Label), ["optional"] = field.Optional, ["element"] = element };
        if (field.Hint is { } hint) block["hint"] = BlockKit.Plain(hint);
        return block;
    }

    static string? Read(JsonElement view, string blockId)
    {
        if (!view.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var values)
            || !values.TryGetProperty(blockId, out var block) || !block.TryGetProperty(ValueActionId, out var input)) return null;
        return input.Str("value") ?? input.Str("selected_date") ?? input.Str("selected_user");
    }

    static string? Clean(string? s) =>
        s is null ? null : string.Join(' ', s.Replace('"', '\'').Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim() is { Length: > 0 } t ? t : null;

    static string Opt(string? value, Func<string, string> render) => value is null ? "" : render(value);
}
