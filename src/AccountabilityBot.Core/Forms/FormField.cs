using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Forms;

/// <summary>One input of a form: what it asks, of which kind, and its limits.</summary>
/// <param name="Id">The key its value is read by (a Slack block id, an Adaptive Card input id).</param>
public sealed record FormField(string Id, string Label, FieldKind Kind)
{
    public bool Required { get; init; } = true;

    /// <summary>A line of help shown with the field.</summary>
    public string? Hint { get; init; }

    /// <summary>An example shown inside an empty field.</summary>
    public string? Placeholder { get; init; }

    /// <summary>For text: the most characters; by default what the grammar accepts for a title or a note.</summary>
    public int? MaxLength { get; init; }

    /// <summary>For a number: the least it may be.</summary>
    public decimal? Min { get; init; }

    public ChoiceSource Choices { get; init; }

    /// <summary>For a <see cref="ChoiceSource.Fixed"/> choice: the options, each its own value.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public FieldDefault Default { get; init; }

    public int TextLimit => MaxLength ?? (Kind == FieldKind.LongText ? Limits.Note : Limits.Title);
}
