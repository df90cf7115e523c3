using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.Cadence;

/// <summary>The form for <c>cadence KIND DAYS TIME ZONE</c>: when a scheduled post goes out.</summary>
public static class CadenceForm
{
    /// <summary>The day words the grammar reads, as one choice each.</summary>
    public static readonly IReadOnlyList<string> Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekdays", "daily"];

    public static FormSpec Spec { get; } = new("cadence", "When posts go out", "Schedule a post",
    [
        new("kind", "Which post", FieldKind.Choice) { Options = CadenceKinds.All },
        new("days", "Days", FieldKind.Choice) { Options = Days },
        new("time", "Time", FieldKind.Time),
        new("zone", "Time zone", FieldKind.Text) { MaxLength = 64, Default = FieldDefault.TeamZone, Hint = "An IANA zone, e.g. Europe/London" },
    ],
    v => new CommandLine("cadence").Word(v["kind"]).Word(v["days"]).Word(v["time"]).Word(v["zone"]));
}
