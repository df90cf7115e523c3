using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Web.Teams;

/// <summary>Answering an activity that could not be stored.</summary>
public sealed partial class TeamsActivityHandler
{
    /// <summary>
    /// The message could not be stored (the database down, or busy past its timeout behind a large import): say so
    /// straight through the Connector, which needs no database, so the sender knows to send it again. If even that
    /// fails, 503 tells the Connector.
    /// </summary>
    async Task<IResult> NotStoredAsync(Activity a, CommandOutcome outcome, CancellationToken ct)
    {
        var message = outcome.Reply;
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

    /// <summary>
    /// Failed before the writer (which logs its own failures) had the command: the conversation reference or the
    /// sender's profile could not be kept. One line while the database is away; a bug gets its stack trace.
    /// </summary>
    CommandOutcome NotStored(Activity a, Exception e)
    {
        if (DatabaseUnavailable.Is(e))
            log.LogWarning("Teams activity {Id} was not stored: the database is unavailable ({Reason})", a.Id, DatabaseUnavailable.Reason(e));
        else log.LogError(e, "Teams activity {Id} failed before it was stored", a.Id);
        return CommandOutcome.NotStored(e);
    }
}
