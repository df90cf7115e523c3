using System.Text.Json;
using System.Text.RegularExpressions;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Handles one Events API delivery after Slack has been acknowledged, from the envelope kept in the inbox (see
/// <see cref="SlackFollowUp"/>): commands said by @mention or DM, the App Home, the bot joining a channel, revoked
/// tokens, and members' profile changes. Keyed by event_id, so a second run changes and posts nothing (a profile
/// change applied twice leaves the same profile).
/// </summary>
public sealed partial class SlackEventJob(
    SlackPeople people, CommandWriter writer, Outbox outbox, SlackWebApi api, SlackHome home, SlackBotIdentity bot,
    SlackProfileUpdates profiles, SlackInstallation installation, ILogger<SlackEventJob> log)
{
    public static string DeliveryId(string eventId) => "ev:" + eventId;

    public static bool IsEvent(string deliveryId) => deliveryId.StartsWith("ev:", StringComparison.Ordinal);

    /// <summary>Whether the envelope carries something to do; the bot's own messages and edits are not.</summary>
    public static bool Handles(JsonElement envelope)
    {
        if (envelope.Obj("event") is not { } ev) return false;
        return ev.Str("type") switch
        {
            "app_mention" => true,
            "message" => ev.Str("channel_type") == "im" && ev.Str("bot_id") is null && ev.Str("subtype") is null && ev.Str("user") is not null,
            "app_home_opened" => ev.Str("tab") is null or "home",
            "member_joined_channel" or "tokens_revoked" or "app_uninstalled" => true,
            SlackProfileUpdates.EventType => ev.Obj("user") is not null,
            _ => false,
        };
    }

    public async Task RunAsync(string envelopeJson, CancellationToken ct)
    {
        if (SlackJson.Parse(envelopeJson) is not { } envelope || envelope.Obj("event") is not { } ev || envelope.Str("event_id") is not { } eventId) return;
        if (ev.Str("type") == SlackProfileUpdates.EventType)
        {
            await profiles.ApplyAsync(ev, ct);
            return;
        }
        var user = ev.Str("user");
        var channel = ev.Str("channel");
        try
        {
            var botUserId = BotUserId(envelope) ?? await bot.UserIdAsync(api, ct);
            switch (ev.Str("type"))
            {
                case "app_mention" or "message" when user is not null && channel is not null:
                    await CommandAsync(channel, user, WithoutBotMention(ev.Str("text") ?? "", botUserId), eventId, ct);
                    break;
                case "app_home_opened" when user is not null:
                    await home.PublishAsync(user, "home:" + eventId, ct);
                    break;
                case "member_joined_channel" when channel is not null && user is not null && user == botUserId:
                    await outbox.PostOnceAsync(new OutboxPost(new ChatAddress(ChatPlatform.Slack, channel), "slack:welcome:" + channel, "welcome"),
                        _ => Task.FromResult(Welcome), ct);
                    break;
                case "tokens_revoked" or "app_uninstalled":
                    await installation.RevokedAsync(ev, ct);
                    break;
            }
        }
        catch (ChatDeliveryException ex) when (ex.Permanent)
        {
            log.LogWarning("Slack event {EventId} could not be answered: {Advice}", eventId, ex.Advice);
        }
    }

    async Task CommandAsync(string channel, string user, string text, string eventId, CancellationToken ct)
    {
        var inbound = await people.DescribeAsync(new InboundCommand(ChatPlatform.Slack, channel, user, text, DeliveryId(eventId)), ct);
        // Not stored: thrown, so the inbox follow-up runs it again later.
        var outcome = (await writer.RunAsync(inbound)).ThrowIfNotStored();
        if (outcome.Kind == OutcomeKind.StillWorking) return; // a racing copy is handling it and will post
        // A repeat posts nothing new: the outbox key is the event's.
        await outbox.PostOnceAsync(new OutboxPost(new ChatAddress(ChatPlatform.Slack, channel), "slack:reply:" + eventId, OutboxPost.ReplyKind),
            _ => Task.FromResult(outcome.Reply), ct);
    }

    static readonly ChatMessage Welcome = new([
        new TextBlock(RichText.Of(new TextSpan("👋 Hello! I'm "), new TextSpan("AccountabilityBot", Bold: true),
            new TextSpan(": I keep this team's customer commitments, decisions and stop list, and post the weekly customer review."))),
        new ContextBlock("The CCO makes this the leadership channel with `/cx channel leadership` (or `/cx channel frontline`). Everyone: `/cx help`."),
    ]);

    static string? BotUserId(JsonElement envelope) =>
        envelope.Array("authorizations").FirstOrDefault(a => a.TryGetProperty("is_bot", out var b) && b.ValueKind == JsonValueKind.True).Str("user_id");

    /// <summary>"&lt;@UBOT&gt; commit …" → "commit …": the mention that addressed the bot is not part of the command.</summary>
    public static string WithoutBotMention(string text, string? botUserId)
    {
        var trimmed = text.Trim();
        if (botUserId is not null) return trimmed.Replace($"<@{botUserId}>", " ").Trim();
        return LeadingMention().Replace(trimmed, "").Trim();
    }

    [GeneratedRegex(@"^<@[A-Z0-9]+>")]
    private static partial Regex LeadingMention();
}
