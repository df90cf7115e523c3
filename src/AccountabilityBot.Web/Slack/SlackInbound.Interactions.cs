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
                await runner.RunAsync(inbound, new SlackReplyTarget(channel, user, payload.Str("response_url"), fromHome), SlackAckWith.Nothing);
            }
            else if (id.StartsWith(SlackForms.ActionPrefix, StringComparison.Ordinal) && SlackForms.Find(value) is { } form
                     && payload.Str("trigger_id") is { } formTrigger)
            {
                await OpenViewAsync(formTrigger, SlackForms.View(form, channel), user, ct);
            }
            else if (id.StartsWith(BlockKit.AskAction, StringComparison.Ordinal)
                     && SlackAnswerModal.ReadButtonValue(value) is var (question, command) && payload.Str("trigger_id") is { } trigger)
            {
                await OpenViewAsync(trigger, SlackAnswerModal.View(new(command, channel), question), user, ct);
            }
        }
        return SlackAck.Empty;
    }

    /// <summary>
    /// Opens a modal now, inside the request: the trigger expires 3 s after the click, which is also Slack's deadline
    /// for this request, so a slow or rate-limited views.open is given up rather than retried past it.
    /// </summary>
    async Task OpenViewAsync(string trigger, JsonObject view, string user, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(2.5));
        try { await api.OpenViewAsync(trigger, view, deadline.Token); }
        catch (ChatDeliveryException ex) { log.LogWarning("Could not open a form for {User}: {Advice}", user, ex.Advice); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { log.LogWarning("Slack took too long to open a form for {User}", user); }
    }

    async Task<SlackAck> SubmissionAsync(JsonElement payload)
    {
        if (payload.Obj("view") is not { } view || payload.Str("user", "id") is not { } user) return SlackAck.Empty;
        var viewId = view.Str("id");
        switch (view.Str("callback_id"))
        {
            case SlackAnswerModal.CallbackId when SlackAnswerModal.ReadMetadata(view.Str("private_metadata")) is { } meta:
                if (SlackAnswerModal.ReadAnswer(view) is not { } answer) return Errors(SlackAnswerModal.BlockId, "Please write an answer, or press Cancel.");
                return await SubmitAsync(payload, user, meta.Channel, new ActionButton("", meta.Command).Fill(answer), viewId, _ => SlackAnswerModal.BlockId);
            case SlackForms.CallbackId when SlackForms.ReadMetadata(view.Str("private_metadata")) is { } meta && SlackForms.Find(meta.Form) is { } form:
                return await SubmitAsync(payload, user, meta.Channel, SlackForms.Command(form, view), viewId, SlackForms.ErrorBlock(form));
            default:
                return SlackAck.Empty;
        }
    }

    /// <summary>Runs a modal's command; a refused one keeps the modal open with the reason, so nothing typed is lost.</summary>
    async Task<SlackAck> SubmitAsync(JsonElement payload, string user, string? channel, string command, string? viewId, Func<string, string> errorBlock)
    {
        var inbound = new InboundCommand(ChatPlatform.Slack, channel ?? user, user, command,
            DeliveryId: Key("view:", $"{viewId}|{command}"), UserName: payload.Str("user", "name"));
        // A refusal comes back for the modal; any other answer follows, privately in the channel or by DM.
        if (await runner.RunAsync(inbound, new SlackReplyTarget(channel, user, ResponseUrl: null), SlackAckWith.Refusal) is not { Refusal: { } reason })
            return SlackAck.Empty;
        // The reason only: the usage that goes with it is about typing, not about this form.
        return Errors(errorBlock(reason), "⚠️ " + reason);
    }

    static SlackAck Errors(string blockId, string message) => new(new JsonObject
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [blockId] = SlackMrkdwn.Trim(message, 2000) },
    });
}
