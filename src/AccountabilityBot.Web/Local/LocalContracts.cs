using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Local;

/// <summary>POST /local/messages body. <paramref name="Id"/> is optional: a client that retries sends the same one.</summary>
public sealed record LocalMessageRequest(string? User, string? Channel, string? Text, string? Id = null);

/// <summary>A button; with <paramref name="AskFor"/>, the page asks first and puts the answer in the command's slot.</summary>
public sealed record LocalButton(string Label, string Command, string? AskFor = null);

/// <summary>The bot's answer: plain text for people, buttons to click, and the neutral blocks for programs.</summary>
public sealed record LocalReply(string Text, IReadOnlyList<LocalButton> Buttons, ChatMessage Message)
{
    public static LocalReply Of(ChatMessage message) => new(
        PlainTextRenderer.Render(message),
        message.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).Select(b => new LocalButton(b.Label, b.Command, b.AskFor)).ToList(),
        message);
}

public sealed record LocalReplyResponse(LocalReply Reply);

/// <summary>One line of a local conversation; <paramref name="From"/> is "bot" or the user id.</summary>
public sealed record LocalTranscriptItem(string Id, DateTime At, string From, string Text, IReadOnlyList<LocalButton> Buttons);

public sealed record LocalMember(string Id, string Name, string Role);
