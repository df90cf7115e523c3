using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Core.StopList;
using AccountabilityBot.Core.Stories;

namespace AccountabilityBot.Core.Forms;

/// <summary>Every form, in the order menus list them: what people record most comes first.</summary>
public static class FormCatalog
{
    public static IReadOnlyList<FormSpec> All { get; } =
        [CommitVerb.Form, DecideVerb.Form, ResolvedVerb.Form, CustomerEventVerbs.LostForm, StopVerb.Form, StoryVerb.Form, CadenceVerb.Form];

    // Slack's forms were once named after the record, not the verb. A modal opened before an upgrade carries the old
    // name in its metadata and may be submitted after it.
    static readonly Dictionary<string, string> FormerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["commitment"] = "commit", ["decision"] = "decide", ["resolution"] = "resolved",
    };

    /// <summary>The form of that name (or a former name), or null.</summary>
    public static FormSpec? Find(string? name)
    {
        if (name is null) return null;
        var current = FormerNames.GetValueOrDefault(name.Trim(), name.Trim());
        return All.FirstOrDefault(f => f.Name.Equals(current, StringComparison.OrdinalIgnoreCase));
    }
}
