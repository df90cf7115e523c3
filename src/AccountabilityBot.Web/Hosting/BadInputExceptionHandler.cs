using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// The safety net under every endpoint: input the app could not read (a body that is not JSON, not UTF-8, the wrong
/// media type, over its limit) is the caller's fault and gets a 4xx problem saying what was wrong. Anything else is
/// left to the default handler: logged, and a 500.
/// </summary>
public sealed class BadInputExceptionHandler(IProblemDetailsService problems, ILogger<BadInputExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (Describe(exception) is not var (status, detail)) return false;
        log.LogInformation("Refused bad input to {Path}: {Status} {Detail}", http.Request.Path, status, detail);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = status == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", Detail = detail },
        });
    }

    static (int Status, string Detail)? Describe(Exception e) => e switch
    {
        BodyTooLargeException tooLarge => (StatusCodes.Status413PayloadTooLarge, $"Bodies are limited to {tooLarge.Max:N0} bytes here."),
        BadHttpRequestException bad => (bad.StatusCode, e.InnerException is { } inner ? $"{bad.Message} {Reason(inner)}" : bad.Message),
        JsonException or DecoderFallbackException => (StatusCodes.Status400BadRequest, Reason(e)),
        _ => null,
    };

    static string Reason(Exception e) => e switch
    {
        JsonException json => JsonInput.Describe(json),
        DecoderFallbackException => "The body is not valid UTF-8 text.",
        _ => e.Message,
    };
}
