using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
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
            else if (id.StartsWith(SlackForms.ActionPrefix, StringComparison.Ordinal) && FormCatalog.Find(value) is { } form
                     && payload.Str("trigger_id") is { } formTrigger)
            {
                await OpenViewAsync(formTrigger, async deadline => SlackForms.View(form, await FormContextAsync(deadline), channel), user, ct);
            }
            else if (id.StartsWith(BlockKit.AskAction, StringComparison.Ordinal)
                     && SlackAnswerModal.ReadButtonValue(value) is var (question, command) && payload.Str("trigger_id") is { } trigger)
            {
                await OpenViewAsync(trigger, _ => Task.FromResult(SlackAnswerModal.View(new(command, channel), question)), user, ct);
            }
        }
        return SlackAck.Empty;
    }

    /// <summary>
    /// Opens a modal now, inside the request: the trigger expires 3 s after the click, which is also Slack's deadline
    /// for this request, so a slow or rate-limited views.open is given up rather than retried past it.
    /// </summary>
    async Task OpenViewAsync(string trigger, Func<CancellationToken, Task<JsonObject>> view, string user, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(2.5));
        try { await api.OpenViewAsync(trigger, await view(deadline.Token), deadline.Token); }
        catch (ChatDeliveryException ex) { log.LogWarning("Could not open a form for {User}: {Advice}", user, ex.Advice); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { log.LogWarning("Slack took too long to open a form for {User}", user); }
    }

    /// <summary>
    /// The stages and zone a form shows, read inside the trigger's deadline: a read slower than a second (the
    /// database busy) gives a form with the stage typed instead of chosen, rather than no form at all.
    /// </summary>
    async Task<FormContext> FormContextAsync(CancellationToken deadline)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        limit.CancelAfter(TimeSpan.FromSeconds(1));
        try { return await FormContext.LoadAsync(db, settings, limit.Token); }
        catch (Exception e) when (!deadline.IsCancellationRequested)
        {
            log.LogWarning(e, "Form shown without the journey stages: they could not be read in time");
            return FormContext.Offline(settings);
        }
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
            case SlackForms.CallbackId when SlackForms.ReadMetadata(view.Str("private_metadata")) is { } meta && FormCatalog.Find(meta.Form) is { } form:
                var values = SlackForms.Read(form, view);
                // Slack checks required inputs itself; this catches one left blank (spaces only) or a hand-made payload.
                if (form.Missing(values) is { } missing) return Errors(missing.Id, $"Please fill in: {missing.Label}");
                return await SubmitAsync(payload, user, meta.Channel, form.CommandText(values)!, viewId, reason => form.FieldAbout(reason).Id);
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
