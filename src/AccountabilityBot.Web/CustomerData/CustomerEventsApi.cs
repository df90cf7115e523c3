using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>POST /api/v1/customer-events (webhook JSON) and POST /api/v1/customer-events/import (CSV upload).</summary>
public static class CustomerEventsApi
{
    public static async Task<IResult> PostEventsAsync(
        HttpContext http, CustomerEventImporter importer, IOptions<ApiSettings> options, TimeProvider clock, bool? partial)
    {
        var settings = options.Value;
        var (body, refused) = await SignedJsonBody.ReadAsync(http, settings, clock);
        if (body is null) return refused!;
        var rows = WebhookEvents.Read(body, settings.MaxEventsPerRequest, out var problem);
        if (rows is null) return ApiProblems.BadRequest(problem!);
        var report = await importer.ImportAsync(WebhookEvents.AsAsync(rows), WebhookEvents.Columns, partial ?? false,
            $"webhook (API key {ApiKeyAuthentication.KeyName(http)})", [], http.RequestAborted);
        return ApiProblems.Report(report);
    }

    public static async Task<IResult> ImportAsync(
        HttpContext http, CustomerEventImporter importer, IOptions<ApiSettings> options, string? mapping, bool? partial)
    {
        var max = options.Value.MaxImportBytes;
        if (http.Request.ContentLength > max) return ApiProblems.TooLarge(max);
        if (CsvMapping.Find(mapping) is not { } format)
            return ApiProblems.BadRequest($"Unknown mapping '{mapping}'; use {string.Join(", ", CsvMapping.All.Select(m => m.Name))}.");
        // The limit is counted on the body as it is read (LimitedStream); Kestrel's own would count chunk framing too.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        try
        {
            await using var csv = await CsvStreamAsync(http.Request, max);
            if (csv is null) return ApiProblems.BadRequest("Send the CSV as text/csv, or as a file in a multipart/form-data upload.");
            var report = await importer.ImportCsvAsync(csv, format, partial ?? false,
                $"upload (API key {ApiKeyAuthentication.KeyName(http)})", http.RequestAborted);
            return ApiProblems.Report(report);
        }
        catch (BodyTooLargeException) { return ApiProblems.TooLarge(max); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return ApiProblems.TooLarge(max); }
    }

    /// <summary>The file part of a multipart upload, or the body itself; either way read as it arrives, never buffered whole.</summary>
    static async Task<Stream?> CsvStreamAsync(HttpRequest request, long max)
    {
        var body = new LimitedStream(request.Body, max);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return body;
        if (!type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return body;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = max };
        while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return section.Body;
        return null;
    }
}
