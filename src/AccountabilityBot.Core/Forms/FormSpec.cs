namespace AccountabilityBot.Core.Forms;

/// <summary>
/// A form, described once for every platform: its fields and the command its values stand for. A submitted form
/// becomes the same command text anyone could type, so the command engine checks and records it as if typed.
/// </summary>
/// <param name="Name">The verb it records, which also names it (`form commit`).</param>
/// <param name="Title">Its heading; a Slack modal title, so at most 24 characters.</param>
/// <param name="MenuLabel">The button that opens it from a menu.</param>
/// <param name="Command">The command for values whose required fields are all there.</param>
public sealed record FormSpec(string Name, string Title, string MenuLabel, IReadOnlyList<FormField> Fields, Func<FormValues, CommandLine> Command)
{
    public string SubmitLabel { get; init; } = "Save";

    /// <summary>Cleans what was typed, field by field; <paramref name="typed"/> gives a field's raw value by id.</summary>
    public FormValues Read(Func<string, string?> typed) => new(Fields
        .Select(f => (f.Id, Value: f.Kind == FieldKind.Person ? FormText.Person(FormText.Clean(typed(f.Id))) : FormText.Clean(typed(f.Id))))
        .Where(f => f.Value is not null)
        .ToDictionary(f => f.Id, f => f.Value!));

    /// <summary>The first required field left empty, or null.</summary>
    public FormField? Missing(FormValues values) => Fields.FirstOrDefault(f => f.Required && values[f.Id] is null);

    /// <summary>The command text, or null while a required field is empty.</summary>
    public string? CommandText(FormValues values) => Missing(values) is null ? Command(values).ToString() : null;

    /// <summary>Which field a refusal is about: the first whose id the reason mentions ("due date…"), else the first.</summary>
    public FormField FieldAbout(string reason) =>
        Fields.FirstOrDefault(f => reason.Contains(f.Id, StringComparison.OrdinalIgnoreCase)) ?? Fields[0];
}
