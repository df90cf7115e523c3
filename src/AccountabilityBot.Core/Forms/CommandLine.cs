using System.Text;

namespace AccountabilityBot.Core.Forms;

/// <summary>Builds the command a form stands for from its cleaned values; a value left out adds nothing.</summary>
public sealed class CommandLine(string verb)
{
    readonly StringBuilder text = new(verb);

    /// <summary>Free text, always quoted: a title, a name, a story.</summary>
    public CommandLine Text(string? value) => Add(value is null ? null : FormText.Quote(value));

    /// <summary>A positional word (a cadence kind, days, a time).</summary>
    public CommandLine Word(string? value) => Add(value is null ? null : FormText.Word(value));

    /// <summary><c>key:value</c>, the value quoted unless it is a single word.</summary>
    public CommandLine Option(string key, string? value) => Add(value is null ? null : $"{key}:{FormText.Word(value)}");

    CommandLine Add(string? part)
    {
        if (part is not null) text.Append(' ').Append(part);
        return this;
    }

    public override string ToString() => text.ToString();
}
