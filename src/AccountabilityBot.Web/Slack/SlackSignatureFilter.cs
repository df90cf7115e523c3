using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The group filter in front of every Slack endpoint: reads the raw body (413 above the limit), answers Slack's
/// ssl_check probe, and lets nothing through whose signature does not match those exact bytes (401).
/// </summary>
public sealed class SlackSignatureFilter(IOptions<SlackSettings> options, TimeProvider clock) : IEndpointFilter
{
    public const int MaxBodyBytes = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await ReadAsync(http.Request, http.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (IsSslCheck(http.Request, body)) return Results.Ok();
        var headers = http.Request.Headers;
        if (!SlackSignature.IsValid(options.Value.SigningSecret, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"], body, clock.GetUtcNow()))
            return Results.Unauthorized();
        http.Items[typeof(SlackBody)] = new SlackBody(body);
        return await next(context);
    }

    /// <returns>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</returns>
    static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // Slack probes a slash command's URL with an unsigned ssl_check=1; it must get a 200 and nothing else. (The form is
    // parsed only when the bytes mention it: every signed command passes through here.)
    static bool IsSslCheck(HttpRequest request, byte[] body) =>
        request.HasFormContentType && body.Length < 4096 && body.AsSpan().IndexOf("ssl_check="u8) >= 0
        && QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("ssl_check", out var value) && value == "1";
}

/// <summary>A verified request body, as the filter read it.</summary>
public sealed record SlackBody(byte[] Bytes)
{
    public static SlackBody Of(HttpContext http) => (SlackBody)http.Items[typeof(SlackBody)]!;

    public string Text => Encoding.UTF8.GetString(Bytes);

    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form() => QueryHelpers.ParseQuery(Text);
}
