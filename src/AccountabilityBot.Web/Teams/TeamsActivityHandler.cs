using System.Text.Json.Nodes;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Routes an authenticated activity. Commands run at once (the core stores them first and answers in milliseconds);
/// the reply goes out through a background job, so the Bot Connector gets its 200 within a couple of seconds
/// whatever the Connector's own latency or rate limits do to the reply.
/// </summary>
public sealed class TeamsActivityHandler(CommandDispatcher dispatcher, TeamsReferences references, TeamsReplyQueue replies, TeamsPeople people,
    ILogger<TeamsActivityHandler> log)
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
        await references.RememberAsync(a, active: true, ct);
        if (TeamsForms.Requested(text) is { } form)
        {
            // Showing a form records nothing; what is submitted with it is a command like any other.
            replies.EnqueueForm(form, a.Conversation!.Id!);
            return Results.Ok();
        }
        var seen = await replies.SeenAsync(deliveryId, ct);
        await dispatcher.HandleAsync(await people.WithProfileAsync(a, TeamsInbound.Command(a, text, deliveryId), ct), ct);
        replies.Enqueue(deliveryId, a.Conversation!.Id!, seen);
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
        await references.RememberAsync(a, active: true, ct);
        var seen = await replies.SeenAsync(deliveryId, ct);
        var reply = await dispatcher.HandleAsync(await people.WithProfileAsync(a, TeamsInbound.Command(a, command, deliveryId), ct), ct);
        var cards = AdaptiveCardRenderer.Render(reply);
        if (cards.Count == 1)
            return Results.Json(new InvokeResponse(200, Activity.AdaptiveCardContentType, cards[0].ToTeamsCard()), Activity.Json);
        // Too long for one card: post it as messages and say so on the clicked card.
        replies.Enqueue(deliveryId, a.Conversation!.Id!, seen);
        return Results.Json(new InvokeResponse(200, "application/vnd.microsoft.activity.message", "Done — the answer is posted below."), Activity.Json);
    }

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
