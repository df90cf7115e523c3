using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// A request that needed the database while it was down (a Slack event, a Teams install, an API call) gets 503 with
/// "nothing was recorded", so the caller sends it again (Slack retries anything but a 2xx), and one warning line
/// instead of the default handler's error and stack trace for every request of the outage.
/// </summary>
public sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableExceptionHandler> log)
    : IExceptionHandler
{
    /// <summary>How long a caller should wait before sending again, in seconds: a restart usually takes a few.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseUnavailable.Is(exception)) return false;
        log.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason})",
            http.Request.Method, http.Request.Path, DatabaseUnavailable.Reason(exception));
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Not recorded", Detail = Replies.NothingRecordedText },
        });
    }
}
