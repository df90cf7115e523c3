using System.Text.Json;

namespace AccountabilityBot.Core.Messaging;

/// <summary>How neutral messages are stored (outbox, inbox replies): a message with a secret as its <see cref="ChatMessage.StoredAs"/>.</summary>
public static class MessageJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(ChatMessage message) => JsonSerializer.Serialize(message.StoredAs ?? message, Options);

    public static ChatMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<ChatMessage>(json, Options) ?? throw new JsonException("Empty message.");
}
