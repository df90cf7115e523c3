using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// The JSON body of an API write, read once for every endpoint that takes one: the media type, the size limit
/// (Api:MaxJsonBytes) and, when Api:SigningSecret is set, the request signature over the exact bytes. An endpoint may
/// also take one other media type (alsoAccepts), read under the same limit and signature.
/// </summary>
public static class SignedJsonBody
{
    /// <returns>The body, or the problem to answer with instead (415, 413, 401).</returns>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpContext http, ApiSettings settings, TimeProvider clock,
        string? alsoAccepts = null)
    {
        if (!http.Request.HasJsonContentType() && !(alsoAccepts is not null && IsOf(http.Request, alsoAccepts)))
            return (null, alsoAccepts is null ? JsonInput.UnsupportedMediaType : ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type", $"Send the body as JSON (Content-Type: application/json) or as {alsoAccepts}."));
        var body = await RequestBody.ReadAsync(http.Request, settings.MaxJsonBytes, http.RequestAborted);
        if (body is null) return (null, ApiProblems.TooLarge(settings.MaxJsonBytes));
        if (!string.IsNullOrEmpty(settings.SigningSecret)
            && RequestSignature.Check(http.Request, settings.SigningSecret, settings.SignatureToleranceSeconds, clock.GetUtcNow(), body) is { } bad)
            return (null, ApiProblems.Unauthorized(bad));
        return (body, null);
    }

    public static bool IsOf(HttpRequest request, string mediaType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && string.Equals(type.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase);
}
