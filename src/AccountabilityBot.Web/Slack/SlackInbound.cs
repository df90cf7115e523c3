using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Web.Slack;

/// <summary>What Slack gets back within 3 s: nothing (an empty 200), or a JSON body where the payload type allows one.</summary>
public sealed record SlackAck(JsonObject? Body)
{
    public static readonly SlackAck Empty = new((JsonObject?)null);
}

/// <summary>A slash command's fields, from a form post (HTTP) or a JSON object (Socket Mode).</summary>
public sealed record SlashCommand(string Text, string UserId, string? UserName, string ChannelId, string? ResponseUrl, string? TriggerId)
{
    public static SlashCommand? From(Func<string, string?> field) =>
        field("user_id") is { Length: > 0 } user && field("channel_id") is { Length: > 0 } channel
            ? new(field("text") ?? "", user, field("user_name"), channel, field("response_url"), field("trigger_id"))
            : null;
}

/// <summary>
/// One pipeline for both transports (HTTP and Socket Mode): turns slash commands, events and interactions into
/// inbound commands for the core and decides what to acknowledge with.
/// </summary>
public sealed partial class SlackInbound(SlackCommandRunner runner, SlackWebApi api, Inbox inbox, IFollowUpQueue followUps, AppDbContext db,
    BotSettings settings, ILogger<SlackInbound> log)
{
    static readonly ChatMessage Working = ChatMessage.Text("⏳ Working on it; the answer follows in a moment.");

    public async Task<SlackAck> CommandAsync(SlashCommand? command)
    {
        if (command is null) return Reply(ChatMessage.Text("⚠️ Slack sent this command without a user or channel; please try again."));
        var text = command.Text.Trim();
        if (text.Length == 0) return new SlackAck(SlackMenu.Body()); // a menu, not a command: nothing to record
        var inbound = new InboundCommand(ChatPlatform.Slack, command.ChannelId, command.UserId, text,
            DeliveryId: command.TriggerId is { Length: > 0 } trigger ? "cmd:" + trigger : null, UserName: command.UserName);
        var outcome = await runner.RunAsync(inbound, new SlackReplyTarget(command.ChannelId, command.UserId, command.ResponseUrl), SlackAckWith.Answer);
        return Reply(outcome?.Reply ?? Working);
    }

    /// <param name="retryNum">X-Slack-Retry-Num (HTTP) or retry_attempt (Socket Mode); 0 for a first delivery.</param>
    public async Task<SlackAck> EventAsync(JsonElement envelope, string raw, int retryNum)
    {
        if (envelope.Str("type") == "url_verification")
            return new SlackAck(new JsonObject { ["challenge"] = envelope.Str("challenge") ?? "" });
        if (envelope.Str("type") != "event_callback" || !SlackEventJob.Handles(envelope)
            || envelope.Str("event_id") is not { } eventId || envelope.Obj("event") is not { } ev) return SlackAck.Empty;
        // In the inbox before Slack is answered, so a crash cannot lose it: the sweep finishes what a dead worker left.
        // A copy (Slack's retry, or one racing this) finds it there and queues nothing new.
        var id = await inbox.AcceptAsync(new InboundCommand(ChatPlatform.Slack, ev.Str("channel") ?? "", ev.Str("user") ?? "", ev.Str("text") ?? "",
            SlackEventJob.DeliveryId(eventId), FollowUp: WithoutToken(raw)), evenIfHandled: false, CancellationToken.None);
        if (id is null)
        {
            log.LogInformation("Slack event {EventId} (retry {Retry}) ignored: already handled", eventId, retryNum);
            return SlackAck.Empty;
        }
        followUps.Enqueue(id.Value);
        return SlackAck.Empty;
    }

    /// <summary>The envelope as the inbox keeps it: without the verification token, a credential the handling never needs.</summary>
    static string WithoutToken(string raw)
    {
        var envelope = JsonNode.Parse(raw)!.AsObject();
        envelope.Remove("token");
        return envelope.ToJsonString();
    }

    public Task<SlackAck> InteractionAsync(JsonElement payload, CancellationToken ct) => payload.Str("type") switch
    {
        "block_actions" => ActionsAsync(payload, ct),
        "view_submission" => SubmissionAsync(payload),
        _ => Task.FromResult(SlackAck.Empty), // view_closed and anything newer: nothing to do
    };

    public static SlackAck Reply(ChatMessage message)
    {
        var body = BlockKit.Message(message);
        body["response_type"] = "ephemeral";
        return new SlackAck(body);
    }

    /// <summary>A short stable key: the same click (message, button, person, command) always maps to one delivery.</summary>
    static string Key(string prefix, string source) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)).AsSpan(0, 16));
}
