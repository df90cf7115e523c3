using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountabilityBot.Web.Teams;

/// <summary>The Bot Framework activity, only the fields this bot reads or writes (unknown ones are ignored).</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? ReplyToId { get; init; }
    public string? Action { get; init; }
    public string? LocalTimezone { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public JsonElement? Value { get; init; }
    public TeamsChannelData? ChannelData { get; init; }

    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;
}

public sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);

public sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null, string? Name = null);

public sealed record Entity(string? Type, string? Text = null, ChannelAccount? Mentioned = null, string? Timezone = null);

public sealed record Attachment(string ContentType, object? Content);

public sealed record IdName(string? Id, string? Name = null, string? AadGroupId = null);

public sealed record TeamsChannelData
{
    public IdName? Tenant { get; init; }
    public IdName? Team { get; init; }
    public IdName? Channel { get; init; }
    public string? EventType { get; init; }
    public ChannelSettings? Settings { get; init; }
}

public sealed record ChannelSettings(IdName? SelectedChannel);
