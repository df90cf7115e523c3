namespace AccountabilityBot.Core.Forms;

/// <summary>What a form field asks for; each platform renders every kind (an exhaustiveness test checks it).</summary>
public enum FieldKind
{
    /// <summary>A line of text.</summary>
    Text,
    /// <summary>Several lines; the command still gets one line (see <see cref="FormText.Clean"/>).</summary>
    LongText,
    /// <summary>A calendar date, handed over as yyyy-MM-dd.</summary>
    Date,
    /// <summary>A member, handed over as the grammar reads one: <c>&lt;@ID&gt;</c>, <c>@name</c> or <c>me</c>.</summary>
    Person,
    /// <summary>One of a list of options (<see cref="ChoiceSource"/>).</summary>
    Choice,
    /// <summary>A number such as an amount.</summary>
    Number,
    /// <summary>A time of day, handed over as HH:mm.</summary>
    Time,
}
