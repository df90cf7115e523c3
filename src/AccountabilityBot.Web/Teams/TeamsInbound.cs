using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>Turns a Teams message or card action into the neutral command the core runs.</summary>
public static class TeamsInbound
{
    /// <summary>
    /// The command text: the bot's own &lt;at&gt;mention&lt;/at&gt; removed, every other mention rewritten as
    /// &lt;@id|Name&gt; from the activity's mention entities (the text alone cannot be trusted for identity).
    /// </summary>
    public static string CommandText(Activity a)
    {
        var text = a.Text ?? "";
        foreach (var e in a.Entities ?? [])
        {
            if (e.Type != "mention" || e.Mentioned?.Id is not { Length: > 0 } id) continue;
            var tag = string.IsNullOrEmpty(e.Text) ? $"<at>{e.Mentioned.Name}</at>" : e.Text;
            var replacement = id == a.Recipient?.Id ? "" : $"<@{id}|{SafeName(e.Mentioned.Name ?? NameInside(tag))}>";
            text = Replace(text, tag, replacement);
        }
        // A tag without an entity (or a renamed bot) is read as the plain name.
        text = text.Replace("<at>", "@", StringComparison.OrdinalIgnoreCase).Replace("</at>", "", StringComparison.OrdinalIgnoreCase);
        return WebUtility.HtmlDecode(text).Replace('\u00a0', ' ').Trim();
    }

    /// <summary>The command a card button carries (Action.Submit value, or Action.Execute data), with the typed answer filled in.</summary>
    public static string? CardCommand(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d) return null;
        if (!d.TryGetProperty(AdaptiveCardRenderer.CommandKey, out var c) || c.ValueKind != JsonValueKind.String) return null;
        var command = c.GetString()!;
        if (!command.Contains(ActionButton.AnswerSlot, StringComparison.Ordinal)) return command;
        var answer = d.TryGetProperty(AdaptiveCardRenderer.AnswerInputKey, out var inputId) && inputId.ValueKind == JsonValueKind.String
            && d.TryGetProperty(inputId.GetString()!, out var typed) && typed.ValueKind == JsonValueKind.String ? typed.GetString() : null;
        return string.IsNullOrWhiteSpace(answer) ? null : new ActionButton("", command, AskFor: "").Fill(answer);
    }

    /// <summary>The Action.Execute data of an adaptiveCard/action invoke.</summary>
    public static JsonElement? ExecuteData(Activity a) =>
        a.Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Action.Execute"
        && action.TryGetProperty("data", out var data) ? data : null;

    /// <summary>
    /// A card can be submitted twice (a double click, a retry after a slow answer) with new activity ids, so card
    /// commands are keyed by the card message, the person and what they asked for: the same submit is one record.
    /// </summary>
    public static string CardDeliveryId(Activity a, string command)
    {
        var key = $"{a.Conversation?.Id}|{a.ReplyToId ?? a.Id}|{a.From?.Id}|{command}";
        return "card:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40].ToLowerInvariant();
    }

    public static InboundCommand Command(Activity a, string text, string deliveryId) => new(
        ChatPlatform.Teams,
        TeamsReferences.BaseConversationId(a.Conversation!.Id!),
        a.From!.Id!,
        text,
        DeliveryId: deliveryId,
        UserName: a.From.Name,
        UserTimeZone: a.LocalTimezone ?? a.Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Timezone,
        // Teams sends the sender's name and the client's zone with every activity: a member who moved or was renamed
        // is updated on their next message.
        ProfileIsCurrent: true,
        // A reply in a channel or group chat is seen by all its members; only the 1:1 chat ("personal") is private.
        Shared: a.Conversation.ConversationType is "channel" or "groupChat" || a.Conversation.IsGroup == true);

    static string Replace(string text, string tag, string replacement)
    {
        var i = text.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        return i < 0 ? text : text[..i] + replacement + text[(i + tag.Length)..];
    }

    static string NameInside(string tag) =>
        tag.Replace("<at>", "", StringComparison.OrdinalIgnoreCase).Replace("</at>", "", StringComparison.OrdinalIgnoreCase);

    /// <summary>The grammar reads &lt;@id|Name&gt; as one word; a name must not close it early.</summary>
    static string SafeName(string name) => new string(name.Where(c => c is not ('<' or '>' or '|' or '"' or '\n' or '\r')).ToArray()).Trim();
}
