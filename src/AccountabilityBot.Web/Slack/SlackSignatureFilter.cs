using System.Globalization;
using System.Text;
using System.Text.Unicode;
using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// The group filter in front of every Slack endpoint: reads the raw body (413 above the limit), answers Slack's
/// ssl_check probe, and lets nothing through whose signature does not match those exact bytes (401).
/// </summary>
public sealed class SlackSignatureFilter(IOptions<SlackSettings> options, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await RequestBody.ReadAsync(http.Request, RequestBody.MaxBytes, http.RequestAborted);
        if (body is null) return ApiProblems.TooLarge(RequestBody.MaxBytes);
        if (IsSslCheck(http.Request, body)) return Results.Ok();
        var headers = http.Request.Headers;
        if (!SlackSignature.IsValid(options.Value.SigningSecret, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"], body, clock.GetUtcNow()))
            return Results.Unauthorized();
        http.Items[typeof(SlackBody)] = new SlackBody(body);
        return await next(context);
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

    /// <summary>
    /// Whether the form is UTF-8 text once its %XX escapes are decoded. Decoding turns anything else into U+FFFD without
    /// a word, and a command would be stored garbled; Slack itself always sends UTF-8.
    /// </summary>
    public bool IsUtf8Form()
    {
        var decoded = new byte[Bytes.Length];
        var n = 0;
        for (var i = 0; i < Bytes.Length; i++)
        {
            if (Bytes[i] == '%' && i + 2 < Bytes.Length && byte.TryParse(Bytes.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, null, out var b))
            {
                decoded[n++] = b;
                i += 2;
            }
            else decoded[n++] = Bytes[i];
        }
        return Utf8.IsValid(decoded.AsSpan(0, n));
    }
}
