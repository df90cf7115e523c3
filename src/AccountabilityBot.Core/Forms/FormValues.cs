namespace AccountabilityBot.Core.Forms;

/// <summary>A submitted form's values by field id, each cleaned by <see cref="FormText"/>; absent is null.</summary>
public sealed class FormValues(IReadOnlyDictionary<string, string> values)
{
    public string? this[string id] => values.GetValueOrDefault(id);
}
