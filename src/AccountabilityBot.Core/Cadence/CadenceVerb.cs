using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Cadence;

/// <summary><c>cadence</c>: show the schedule.</summary>
public sealed record CadenceShowCommand : ChatCommand;

/// <summary><c>cadence review mon 08:00 America/New_York</c>, <c>cadence nudges daily 09:00</c>; zone defaults to the current one.</summary>
public sealed record CadenceSetCommand(string Kind, IReadOnlyList<DayOfWeek> Days, TimeOnly Time, string? TimeZone) : ChatCommand;

/// <summary><c>cadence stories preview</c>: what that kind of post would say, and to whom, if it ran now. Changes nothing.</summary>
public sealed record CadencePreviewCommand(string Kind) : ChatCommand;

/// <summary><c>cadence review send</c>: run that kind's job now instead of waiting for its time. Each target still gets it once per period.</summary>
public sealed record CadenceSendCommand(string Kind) : ChatCommand;

/// <summary><c>cadence review pause</c> / <c>cadence review resume</c>.</summary>
public sealed record CadencePauseCommand(string Kind, bool Pause) : ChatCommand;

/// <summary><c>cadence</c>: anyone may see the schedule; only the CCO changes, previews or sends it.</summary>
internal static class CadenceVerb
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    /// <summary>The day words the grammar reads, as one choice each.</summary>
    public static readonly IReadOnlyList<string> Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekdays", "daily"];

    public static FormSpec Form { get; } = new("cadence", "When posts go out", "Schedule a post",
    [
        new("kind", "Which post", FieldKind.Choice) { Options = CadenceKinds.All },
        new("days", "Days", FieldKind.Choice) { Options = Days },
        new("time", "Time", FieldKind.Time),
        new("zone", "Time zone", FieldKind.Text) { MaxLength = 64, Default = FieldDefault.TeamZone, Hint = "An IANA zone, e.g. Europe/London" },
    ],
    v => new CommandLine("cadence").Word(v["kind"]).Word(v["days"]).Word(v["time"]).Word(v["zone"]));

    public static Verb Verb { get; } = new("cadence",
        "cadence\ncadence KIND DAYS TIME [ZONE]\ncadence KIND pause|resume|preview|send\n"
        + "(KIND: " + string.Join(", ", CadenceKinds.All) + "; DAYS: mon, mon,thu, weekdays or daily)",
        "cadence review mon 08:00 America/New_York", "Show or change when scheduled posts go out.",
        Parse,
        [
            CommandRoute.For<CadenceShowCommand, CadenceHandlers>(Role.Frontline),
            CommandRoute.For<CadenceSetCommand, CadenceHandlers>(Role.Cco),
            CommandRoute.For<CadencePauseCommand, CadenceHandlers>(Role.Cco),
            CommandRoute.For<CadencePreviewCommand, CadencePreviewHandler>(Role.Cco),
            CommandRoute.For<CadenceSendCommand, CadenceHandlers>(Role.Cco),
        ]);

    static ChatCommand Parse(CommandInput input)
    {
        var words = input.Words;
        if (words.Count == 0) return new CadenceShowCommand();
        var kind = words[0].Lower;
        if (!CadenceKinds.All.Contains(kind))
            throw new ParseFailure($"I don't know the cadence '{DidYouMean.Echo(words[0].Text)}'; use {string.Join(", ", CadenceKinds.All)}."
                + DidYouMean.Hint(words[0].Text, CadenceKinds.All, "", allowPrefix: true));
        if (words.Count == 1)
            throw new ParseFailure($"When should {kind} go out? Add days and a time, like cadence {kind} mon 08:00, or pause, resume, preview or send.");
        if (words[1].Lower is "preview" or "now")
        {
            input.ExpectNothingAfter(2, $"cadence {kind} preview");
            return new CadencePreviewCommand(kind);
        }
        if (words[1].Lower == "send")
        {
            input.ExpectNothingAfter(2, $"cadence {kind} send");
            return new CadenceSendCommand(kind);
        }
        if (words[1].Lower is "pause" or "resume")
        {
            input.ExpectNothingAfter(2, $"cadence {kind} {words[1].Lower}");
            return new CadencePauseCommand(kind, words[1].Lower == "pause");
        }
        return Schedule(input, kind);
    }

    // Days run up to the first word that starts with a digit: that is the time.
    static CadenceSetCommand Schedule(CommandInput input, string kind)
    {
        var words = input.Words;
        var timeAt = 1;
        while (timeAt < words.Count && !(words[timeAt].Text.Length > 0 && char.IsAsciiDigit(words[timeAt].Text[0]))) timeAt++;
        var days = ClockWords.ReadDays(words.Skip(1).Take(timeAt - 1).Select(w => w.Text));
        if (timeAt == words.Count)
            throw new ParseFailure($"What time should {kind} go out? Add a time like 08:00 or 8am after the days.");
        var timeText = words[timeAt].Text;
        var next = timeAt + 1;
        if (next < words.Count && words[next].Lower is "am" or "pm") timeText += words[next++].Lower; // "8 am"
        var time = ClockWords.ReadTime(timeText, out var problem)
            ?? throw new ParseFailure(problem ?? $"'{DidYouMean.Echo(timeText)}' isn't a time; use 08:00, 8am or 5:30pm.");
        var zone = next < words.Count ? ClockWords.ReadZone(words[next].Text) : null;
        input.ExpectNothingAfter(next + 1, $"cadence {kind} DAYS TIME ZONE");
        return new CadenceSetCommand(kind, days, time, zone);
    }
}
