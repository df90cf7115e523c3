using System.Text.Json.Nodes;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Routes an authenticated activity. Commands run at once (the core stores them first and answers in milliseconds);
/// the reply goes out through a background job, so the Bot Connector gets its 200 within a couple of seconds
/// whatever the Connector's own latency or rate limits do to the reply.
/// </summary>
public sealed class TeamsActivityHandler(CommandWriter writer, TeamsReferences references, TeamsReplyQueue replies, TeamsPeople people,
    ConnectorClient connector, ILogger<TeamsActivityHandler> log)
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task<IResult> HandleAsync(Activity a, CancellationToken ct)
    {
        switch (a.Type)
        {
            case "message":
                return await MessageAsync(a, ct);
            case "invoke" when a.Name == AdaptiveCardAction:
                return await ExecuteAsync(a, ct);
            case "conversationUpdate":
                if (a.MembersAdded?.Any(m => m.Id == a.Recipient?.Id) == true) await references.RememberAsync(a, active: true, ct);
                else if (a.MembersRemoved?.Any(m => m.Id == a.Recipient?.Id) == true
                    || a.ChannelData?.EventType is "teamDeleted" or "teamHardDeleted") await references.ForgetAsync(a, ct);
                return Results.Ok();
            case "installationUpdate":
                if (a.Action?.StartsWith("remove", StringComparison.Ordinal) == true) await references.ForgetAsync(a, ct);
                else await references.RememberAsync(a, active: true, ct);
                return Results.Ok();
            default:
                // Teams sends many event kinds; unknown ones are acknowledged, as the docs ask.
                return Results.Ok();
        }
    }

    async Task<IResult> MessageAsync(Activity a, CancellationToken ct)
    {
        if (!HasAddress(a)) return BadActivity("A message needs from.id, conversation.id and id.");
        string text, deliveryId;
        if (a.Value is { } value && (TeamsForms.Command(value) ?? TeamsInbound.CardCommand(value)) is { } command)
        {
            text = command;
            deliveryId = TeamsInbound.CardDeliveryId(a, command);
        }
        else
        {
            text = TeamsInbound.CommandText(a);
            deliveryId = a.Id!;
            if (text.Length == 0) return Results.Ok();
        }
        CommandOutcome outcome;
        try
        {
            await references.RememberAsync(a, active: true, ct);
            if (TeamsForms.Requested(text) is { } form)
            {
                // Showing a form records nothing; what is submitted with it is a command like any other.
                replies.EnqueueForm(form, a.Conversation!.Id!);
                return Results.Ok();
            }
            // Through the group-commit writer, like every chat command: durable before answered. Not fresh = Teams
            // re-sent it, or the card was submitted again.
            // The reply is the row's follow-up, committed with it, so a crash before it is posted leaves it to the sweep.
            var inbound = TeamsReplyJob.RepliedIn(TeamsInbound.Command(a, text, deliveryId), a.Conversation!.Id!);
            outcome = await writer.RunAsync(await people.WithProfileAsync(a, inbound, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await NotStoredAsync(a, e, ct);
        }
        var seen = !outcome.Fresh;
        replies.Enqueue(deliveryId, a.Conversation!.Id!, seen, outcome.Reply);
        if (!seen && a.Value is not null && a.ReplyToId is { Length: > 0 } card)
            replies.EnqueueCardNote(a.Conversation!.Id!, card, $"✔ {a.From!.Name ?? "Someone"}: {text}");
        return Results.Ok();
    }

    /// <summary>Action.Execute: the answer is the invoke response, an updated card replacing the one clicked.</summary>
    async Task<IResult> ExecuteAsync(Activity a, CancellationToken ct)
    {
        if (!HasAddress(a)) return BadActivity("An invoke needs from.id, conversation.id and id.");
        if (TeamsInbound.CardCommand(TeamsInbound.ExecuteData(a)) is not { } command)
            return InvokeError(StatusCodes.Status400BadRequest, "BadRequest", "This card action carries no command (or an empty answer).");
        var deliveryId = TeamsInbound.CardDeliveryId(a, command);
        bool seen;
        ChatMessage reply;
        try
        {
            await references.RememberAsync(a, active: true, ct);
            var outcome = await writer.RunAsync(await people.WithProfileAsync(a, TeamsInbound.Command(a, command, deliveryId), ct));
            (reply, seen) = (outcome.Reply, !outcome.Fresh);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Said on the clicked card: the invoke response needs no database.
            log.LogError(e, "Teams card action {Id} failed before it was stored", a.Id);
            return CardResponse(AdaptiveCardRenderer.Render(Replies.NothingRecorded)[0]);
        }
        var cards = AdaptiveCardRenderer.Render(reply);
        if (cards.Count == 1) return CardResponse(cards[0]);
        // Too long for one card: post it as messages and say so on the clicked card.
        replies.Enqueue(deliveryId, a.Conversation!.Id!, seen, reply);
        return Results.Json(new InvokeResponse(200, "application/vnd.microsoft.activity.message", "Done — the answer is posted below."), Activity.Json);
    }

    /// <summary>
    /// The message could not be stored (the database down, or busy past its timeout behind a large import): say so
    /// straight through the Connector, which needs no database, so the sender knows to send it again. If even that
    /// fails, 503 tells the Connector.
    /// </summary>
    async Task<IResult> NotStoredAsync(Activity a, Exception e, CancellationToken ct)
    {
        log.LogError(e, "Teams message {Id} failed before it was stored", a.Id);
        var message = Replies.NothingRecorded;
        try
        {
            var card = AdaptiveCardRenderer.Render(message)[0].ToTeamsCard();
            await connector.SendToConversationAsync(a.ServiceUrl!, a.Conversation!.Id!, TeamsChatSender.CardActivity(card, message.FallbackText), ct);
            return Results.Ok();
        }
        catch (Exception notice) when (notice is not OperationCanceledException)
        {
            log.LogWarning(notice, "Could not tell the sender of Teams message {Id} that it was not stored", a.Id);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    static IResult CardResponse(RenderedCard card) =>
        Results.Json(new InvokeResponse(200, Activity.AdaptiveCardContentType, card.ToTeamsCard()), Activity.Json);

    static bool HasAddress(Activity a) => a.From?.Id is { Length: > 0 } && a.Conversation?.Id is { Length: > 0 } && a.Id is { Length: > 0 };

    IResult BadActivity(string why)
    {
        log.LogWarning("Bad Teams activity: {Why}", why);
        return Results.BadRequest(new { error = why });
    }

    static IResult InvokeError(int status, string code, string message) =>
        Results.Json(new InvokeResponse(status, "application/vnd.microsoft.error", new JsonObject { ["code"] = code, ["message"] = message }),
            Activity.Json, statusCode: status);
}

/// <summary>The body of an adaptiveCard/action invoke response.</summary>
public sealed record InvokeResponse(int StatusCode, string Type, object Value);
