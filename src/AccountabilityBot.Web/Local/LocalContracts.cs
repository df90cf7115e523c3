using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Local;

/// <summary>POST /local/messages body. <paramref name="Id"/> is optional: a client that retries sends the same one.</summary>
public sealed record LocalMessageRequest(string? User, string? Channel, string? Text, string? Id = null);

/// <summary>A button; with <paramref name="AskFor"/>, the page asks first and puts the answer in the command's slot.</summary>
public sealed record LocalButton(string Label, string Command, string? AskFor = null);

/// <summary>
/// A stretch of a message, then its picture (if any) and the buttons that act on it. <paramref name="Image"/> is a
/// path on this bot; its text equivalent starts the next part.
/// </summary>
public sealed record LocalPart(string Text, IReadOnlyList<LocalButton> Buttons, LocalImage? Image = null);

/// <summary>A picture in a message, with the words a screen reader says for it.</summary>
public sealed record LocalImage(string Url, string Alt);

/// <summary>
/// The bot's answer: plain text for people (buttons written as [Label → command]), every button, the message in
/// parts for the chat page, and the neutral blocks for programs.
/// </summary>
public sealed record LocalReply(string Text, IReadOnlyList<LocalButton> Buttons, IReadOnlyList<LocalPart> Parts, ChatMessage Message)
{
    /// <param name="chartPaths">Where the page finds each chart's picture; without it, charts are text only.</param>
    public static LocalReply Of(ChatMessage message, Func<JarChartBlock, string>? chartPaths = null)
    {
        var parts = PlainTextRenderer.RenderParts(message).Select(p => new LocalPart(p.Text, p.Buttons.Select(ToLocal).ToList(),
            p.Chart is { } chart && chartPaths is not null ? new LocalImage(chartPaths(chart), chart.AltText) : null)).ToList();
        return new(PlainTextRenderer.Render(message), parts.SelectMany(p => p.Buttons).ToList(), parts, message);
    }

    static LocalButton ToLocal(ActionButton b) => new(b.Label, b.Command, b.AskFor);
}

public sealed record LocalReplyResponse(LocalReply Reply);

/// <summary>One line of a local conversation; <paramref name="From"/> is "bot" or the user id.</summary>
public sealed record LocalTranscriptItem(string Id, DateTime At, string From, string Text, IReadOnlyList<LocalButton> Buttons,
    IReadOnlyList<LocalPart>? Parts = null);

public sealed record LocalMember(string Id, string Name, string Role);
