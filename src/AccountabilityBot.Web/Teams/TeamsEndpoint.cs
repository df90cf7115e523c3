using System.Text.Json;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// POST /api/messages: the token is checked before the body is trusted, the activity is checked against the token,
/// and only then is anything stored. Rejections are 401 (403 for a key not endorsed for Teams) and never a 500.
/// </summary>
public static class TeamsEndpoint
{
    public const string Route = "/api/messages";
    const int MaxBodyBytes = 64 * 1024;

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

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(new LimitedStream(request.Body, MaxBodyBytes), Activity.Json, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return Results.BadRequest(new { error = "The body is not a Bot Framework activity." });
        }
        if (activity?.Type is not { Length: > 0 }) return Results.BadRequest(new { error = "The activity has no type." });

        var checkedAuth = BotTokenValidator.CheckActivity(auth, activity);
        if (!checkedAuth.Succeeded) return Reject(checkedAuth, log);
        return await handler.HandleAsync(activity, ct);
    }

    static IResult Reject(BotAuthResult auth, ILogger log)
    {
        log.LogWarning("Rejected a request to {Route}: {Reason}", Route, auth.Reason);
        return Results.StatusCode(auth.StatusCode);
    }

    /// <summary>Stops reading a chunked body past the limit (a Content-Length one is refused earlier with 413).</summary>
    sealed class LimitedStream(Stream inner, long max) : Stream
    {
        long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        int Count(int n)
        {
            read += n;
            return read > max ? throw new InvalidDataException("Body too large.") : n;
        }
    }
}
