using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// The JSON body of an API write, read once for every endpoint that takes one: the media type, the size limit
/// (Api:MaxJsonBytes) and, when Api:SigningSecret is set, the request signature over the exact bytes.
/// </summary>
public static class SignedJsonBody
{
    /// <returns>The body, or the problem to answer with instead (415, 413, 401).</returns>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpContext http, ApiSettings settings, TimeProvider clock)
    {
        if (!http.Request.HasJsonContentType()) return (null, JsonInput.UnsupportedMediaType);
        var body = await RequestBody.ReadAsync(http.Request, settings.MaxJsonBytes, http.RequestAborted);
        if (body is null) return (null, ApiProblems.TooLarge(settings.MaxJsonBytes));
        if (!string.IsNullOrEmpty(settings.SigningSecret)
            && RequestSignature.Check(http.Request, settings.SigningSecret, settings.SignatureToleranceSeconds, clock.GetUtcNow(), body) is { } bad)
            return (null, ApiProblems.Unauthorized(bad));
        return (body, null);
    }
}
