using AccountabilityBot.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// A page's multipart upload read as it arrives, like the API's import (never buffered whole, the body counted against
/// the same limit by <see cref="LimitedStream"/>): the small fields before the file (the antiforgery token first), then
/// the file's stream, left unread for the importer.
/// </summary>
public sealed record DashboardUpload(IReadOnlyDictionary<string, string> Fields, Stream? File)
{
    const int MaxFieldLength = 4_096;

    /// <summary>Null when the request is not a multipart form.</summary>
    public static async Task<DashboardUpload?> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        var reader = new MultipartReader(boundary, new LimitedStream(request.Body, max)) { BodyLengthLimit = max };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            if (disposition.IsFileDisposition()) return new DashboardUpload(fields, section.Body);
            if (disposition.IsFormDisposition() && HeaderUtilities.RemoveQuotes(disposition.Name).Value is { } name)
            {
                using var text = new StreamReader(new LimitedStream(section.Body, MaxFieldLength), leaveOpen: true);
                fields[name] = await text.ReadToEndAsync(ct);
            }
        }
        return new DashboardUpload(fields, null);
    }
}
