using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

public sealed partial class SlackInbound
{
    async Task<SlackAck> ActionsAsync(JsonElement payload, CancellationToken ct)
    {
        if (payload.Str("user", "id") is not { } user) return SlackAck.Empty;
        var channel = payload.Str("channel", "id") ?? payload.Str("container", "channel_id");
        // One click = one delivery: the message (or this rendering of a view: its hash changes when it is republished),
        // the button, the person and the command. A double-click repeats all four; a click on a fresh copy does not.
        var where = payload.Str("container", "message_ts") ?? $"{payload.Str("view", "id")}:{payload.Str("view", "hash")}";
        foreach (var action in payload.Array("actions"))
        {
            var id = action.Str("action_id") ?? "";
            if (action.Str("value") is not { } value) continue;
            if (id.StartsWith(BlockKit.RunAction, StringComparison.Ordinal))
            {
                // Home-tab buttons have no channel: the user's id doubles as their DM with the bot.
                var inbound = new InboundCommand(ChatPlatform.Slack, channel ?? user, user, value,
                    DeliveryId: Key("act:", $"{where}|{id}|{user}|{value}"), UserName: payload.Str("user", "name"));
                var fromHome = payload.Str("view", "type") == "home";
                await runner.RunAsync(inbound, new SlackReplyTarget(channel, user, payload.Str("response_url"), fromHome), inline: false);
            }
            else if (id.StartsWith(BlockKit.AskAction, StringComparison.Ordinal)
                     && SlackAnswerModal.ReadButtonValue(value) is var (question, command) && payload.Str("trigger_id") is { } trigger)
            {
                // The trigger expires 3 s after the click, so the modal opens now, inside the request.
                try { await api.OpenViewAsync(trigger, SlackAnswerModal.View(new(command, channel), question), ct); }
                catch (ChatDeliveryException ex) { log.LogWarning("Could not open the answer modal for {User}: {Advice}", user, ex.Advice); }
            }
        }
        return SlackAck.Empty;
    }

    async Task<SlackAck> SubmissionAsync(JsonElement payload)
    {
        if (payload.Obj("view") is not { } view || view.Str("callback_id") != SlackAnswerModal.CallbackId) return SlackAck.Empty;
        if (payload.Str("user", "id") is not { } user || SlackAnswerModal.ReadMetadata(view.Str("private_metadata")) is not { } meta)
            return SlackAck.Empty;
        if (SlackAnswerModal.ReadAnswer(view) is not { } answer)
            return Errors("Please write an answer, or press Cancel.");

        var command = new ActionButton("", meta.Command).Fill(answer);
        var inbound = new InboundCommand(ChatPlatform.Slack, meta.Channel ?? user, user, command,
            DeliveryId: Key("view:", $"{view.Str("id")}|{answer}"), UserName: payload.Str("user", "name"));
        var target = new SlackReplyTarget(meta.Channel, user, ResponseUrl: null);
        var reply = await runner.RunAsync(inbound, target, inline: true);
        if (reply is null) return SlackAck.Empty; // slow: the answer follows from the job
        // A refused command keeps the modal open with the reason under the field, so nothing typed is lost.
        if (reply.Blocks is [TextBlock first, ..] && first.Text.ToPlainText().StartsWith("⚠️", StringComparison.Ordinal))
            return Errors(reply.FallbackText);
        runner.Deliver(reply, target);
        return SlackAck.Empty;
    }

    static SlackAck Errors(string message) => new(new JsonObject
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [SlackAnswerModal.BlockId] = SlackMrkdwn.Trim(message, 2000) },
    });
}
