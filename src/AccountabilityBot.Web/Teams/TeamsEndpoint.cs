using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// POST /api/messages: the token is checked before the body is trusted, the activity is checked against the token,
/// and only then is anything stored. Rejections are 401 (403 for a key not endorsed for Teams) and never a 500.
/// </summary>
public static class TeamsEndpoint
{
    public const string Route = "/api/messages";

    public static RouteHandlerBuilder MapTeamsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, HandleAsync).WithTags("Teams").DisableAntiforgery();

    static async Task<IResult> HandleAsync(HttpRequest request, BotTokenValidator validator, TeamsActivityHandler handler,
        ILogger<BotTokenValidator> log, CancellationToken ct)
    {
        BotAuthResult auth;
        try
        {
            auth = await validator.AuthenticateAsync(request.Headers.Authorization.ToString(), ct);
        }
        catch (InvalidOperationException e)
        {
            // The OpenID metadata or key set could not be fetched: not the caller's fault, and the Connector retries.
            log.LogError(e, "Could not load the Bot Framework signing keys");
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (!auth.Succeeded) return Reject(auth, log);

        // Read whole and checked before it is bound: Value (a card's data) stays raw JSON, read only deep in a handler.
        var (activity, problem) = await JsonInput.ReadAsync<Activity>(request, RequestBody.MaxBytes, Activity.Json, ct);
        if (problem is not null) return problem;
        if (activity?.Type is not { Length: > 0 }) return ApiProblems.BadRequest("The activity has no type.");

        var checkedAuth = BotTokenValidator.CheckActivity(auth, activity);
        if (!checkedAuth.Succeeded) return Reject(checkedAuth, log);
        return await handler.HandleAsync(activity, ct);
    }

    static IResult Reject(BotAuthResult auth, ILogger log)
    {
        log.LogWarning("Rejected a request to {Route}: {Reason}", Route, auth.Reason);
        return Results.StatusCode(auth.StatusCode);
    }
}
