using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

/// <summary>The shapes every reply shares, so the bot sounds the same whatever it did.</summary>
public static class Replies
{
    public static readonly ChatMessage StillWorking = ChatMessage.Text("I'm still working on that one; you'll see the answer in a moment.");

    /// <summary>For a command that failed on the bot's side and was rolled back, or never stored: it is safe to send again.</summary>
    public static ChatMessage NothingRecorded => Problem(NothingRecordedText);

    public const string NothingRecordedText = "Sorry, something went wrong on my side and nothing was recorded. Please try again.";

    public static ChatMessage Problem(string error, string? usage = null)
    {
        var blocks = new List<MessageBlock> { new TextBlock(RichText.Of(new TextSpan("⚠️ "), new TextSpan(error))) };
        if (!string.IsNullOrWhiteSpace(usage)) blocks.Add(new ContextBlock("Try: " + usage));
        return new ChatMessage(blocks);
    }

    /// <summary>"✅ Recorded decision D-12: TEXT", then details, then optional buttons.</summary>
    public static ChatMessage Recorded(string what, string reference, string text, RichText? details = null, params ActionButton[] buttons)
    {
        var blocks = new List<MessageBlock>
        {
            new TextBlock(RichText.Of(new TextSpan($"✅ {what} "), new TextSpan(reference, Bold: true), new TextSpan(": " + text))),
        };
        if (details is not null) blocks.Add(new ContextBlock(details));
        if (buttons.Length > 0) blocks.Add(new ActionsBlock(buttons));
        return new ChatMessage(blocks);
    }

    public static string RoleName(Role role) => role switch
    {
        Role.Cco => "the CCO",
        Role.Executive => "an executive",
        _ => "frontline",
    };

    /// <summary>Builds "owner @x · due Tue 15 Dec 2026 · prompted by L-5" from whichever parts are present.</summary>
    public static RichText Details(params (string Label, Span? Value)[] parts)
    {
        var spans = new List<Span>();
        foreach (var (label, value) in parts)
        {
            if (value is null) continue;
            if (spans.Count > 0) spans.Add(new TextSpan(" · "));
            spans.Add(new TextSpan(label + " "));
            spans.Add(value);
        }
        return new RichText(spans);
    }

    public static Span? Mention(Member? m) => m is null ? null : MentionSpan.Of(m);
    public static Span? Date(DateOnly? d) => d is { } x ? new DateSpan(x) : null;
    public static Span? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : new TextSpan(s);
    public static Span? Money(decimal? v, BotSettings settings) => v is { } x ? new TextSpan(Format.Money(x, settings.CurrencySymbol)) : null;
}
