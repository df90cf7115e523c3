using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Commands;

// cadence and channel: when and where the bot posts.
public static partial class CommandParser
{
    static ChatCommand Cadence(CommandInput input)
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

        // Days run up to the first word that starts with a digit: that is the time.
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

    static readonly string[] ChannelWords = ["leadership", "frontline", "remove"];

    static ChatCommand Channel(CommandInput input)
    {
        if (input.Words.Count == 0) return new ChannelCommand(null, false);
        var word = input.Words[0];
        input.ExpectNothingAfter(1, $"channel {word.Lower}");
        return word.Lower switch
        {
            "leadership" => new ChannelCommand(ChannelPurpose.Leadership, false),
            "frontline" => new ChannelCommand(ChannelPurpose.Frontline, false),
            "remove" => new ChannelCommand(null, true),
            _ => throw new ParseFailure($"I don't know 'channel {DidYouMean.Echo(word.Text)}'; use leadership, frontline or remove."
                + DidYouMean.Hint(word.Text, ChannelWords, "", allowPrefix: true)),
        };
    }
}
