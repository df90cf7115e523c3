using System.Text.Json.Nodes;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Web.Charts;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Routes an authenticated activity. Commands run at once (the core stores them first and answers in milliseconds);
/// the reply is the inbox row's follow-up, finished by a background worker (<see cref="IFollowUpQueue"/>), so the Bot
/// Connector gets its 200 within a couple of seconds whatever the Connector's own latency or rate limits do to the reply.
/// </summary>
public sealed partial class TeamsActivityHandler(CommandWriter writer, Inbox inbox, IFollowUpQueue followUps, TeamsReferences references,
    TeamsPeople people, ConnectorClient connector, TeamsSettings settings, ChartLinks charts, ILogger<TeamsActivityHandler> log)
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
        var target = new TeamsReplyTarget(a.Conversation!.Id!);
        // A button on a card: once the command ran, the card says who used it.
        if (a.Value is not null && a.ReplyToId is { Length: > 0 } card)
            target = target with { CardId = card, CardNote = $"✔ {a.From!.Name ?? "Someone"}: {text}" };
        CommandOutcome outcome;
        try
        {
            await references.RememberAsync(a, active: true, ct);
            var inbound = TeamsInbound.Command(a, text, deliveryId);
            if (TeamsForms.Requested(text) is { } form)
            {
                // Showing a form records nothing; the request is kept only as its follow-up, which posts the form.
                if (await inbox.AcceptAsync(inbound with { FollowUp = (target with { Form = form }).ToFollowUp() }, evenIfHandled: false, ct) is { } id)
                    followUps.Enqueue(id);
                return Results.Ok();
            }
            // Through the group-commit writer, like every chat command: durable before answered. The reply is the
            // row's follow-up, committed with it, so a crash before it is posted leaves it to the sweep.
            outcome = await writer.RunAsync(await people.WithProfileAsync(a, inbound with { FollowUp = target.ToFollowUp() }, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = NotStored(a, e);
        }
        if (outcome.Kind == OutcomeKind.NotStored) return await NotStoredAsync(a, outcome, ct);
        FollowUp(outcome);
        return Results.Ok();
    }

    /// <summary>
    /// Posts the reply through the row's follow-up. Posting one reply from two workers at once could post it twice, so
    /// a re-sent delivery's waits and then finds it posted (or posts it, if the first attempt never got that far).
    /// </summary>
    void FollowUp(CommandOutcome outcome)
    {
        if (outcome.ReceivedId is not { } id) return;
        followUps.Enqueue(id, outcome.Fresh ? null : TeamsReplyJob.DuplicateDelay);
    }

    /// <summary>Action.Execute: the answer is the invoke response, an updated card replacing the one clicked.</summary>
    async Task<IResult> ExecuteAsync(Activity a, CancellationToken ct)
    {
        if (!HasAddress(a)) return BadActivity("An invoke needs from.id, conversation.id and id.");
        if (TeamsInbound.CardCommand(TeamsInbound.ExecuteData(a)) is not { } command)
            return InvokeError(StatusCodes.Status400BadRequest, "BadRequest", "This card action carries no command (or an empty answer).");
        var deliveryId = TeamsInbound.CardDeliveryId(a, command);
        var inbound = TeamsInbound.Command(a, command, deliveryId);
        CommandOutcome outcome;
        try
        {
            await references.RememberAsync(a, active: true, ct);
            outcome = await writer.RunAsync(await people.WithProfileAsync(a, inbound, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = NotStored(a, e);
        }
        // Said on the clicked card: the invoke response needs no database.
        if (outcome.Kind == OutcomeKind.NotStored) return CardResponse(AdaptiveCardRenderer.Render(outcome.Reply)[0]);
        var cards = AdaptiveCardRenderer.Render(outcome.Reply, TeamsChatSender.ChartUrls(settings, charts));
        if (cards.Count == 1) return CardResponse(cards[0]);
        // Too long for one card: post it as messages, through a follow-up added to the row, and say so on the clicked card.
        var accepted = await inbox.AcceptAsync(inbound with { FollowUp = new TeamsReplyTarget(a.Conversation!.Id!).ToFollowUp() },
            evenIfHandled: outcome.Fresh, ct);
        if (accepted is { } id) followUps.Enqueue(id, outcome.Fresh ? null : TeamsReplyJob.DuplicateDelay);
        return Results.Json(new InvokeResponse(200, "application/vnd.microsoft.activity.message", "Done — the answer is posted below."), Activity.Json);
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
