using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Exports;
using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>
/// /dashboard/settings/data: the CSV import, through the API's importer with the API's body limit and its validation
/// report (one bad row keeps the whole file out), and links to the API's exports, served to the signed-in CCO.
/// </summary>
/// <remarks>
/// The framework's antiforgery check would read (and buffer) the whole form, file and all, before the page runs, so
/// this page checks the token itself: it is the form's first field, read from the stream before the file.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class DataModel(DashboardCommands commands, CustomerEventImporter importer, IOptions<ApiSettings> api,
    IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions)
    : SettingsPageModel(commands)
{
    const string TokenField = "__RequestVerificationToken";

    public static IReadOnlyList<CsvMapping> Mappings => CsvMapping.All;

    public static IReadOnlyList<ExportDefinition> Exports => Core.Exports.Exports.All;

    public long MaxBytes => api.Value.MaxImportBytes;

    public ImportReport? Report { get; private set; }

    /// <summary>Why the upload was not read at all (too large, no file, an unknown mapping).</summary>
    public string? Problem { get; private set; }

    public void OnGet() { }

    /// <summary>Takes no parameters: binding one would have the framework read the whole form first.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var max = MaxBytes;
        if (Request.ContentLength > max) return Refuse(StatusCodes.Status413PayloadTooLarge, TooLarge(max));
        // Counted on the body as it is read, as the API does; Kestrel's own limit would count chunk framing too.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        try
        {
            if (await DashboardUpload.ReadAsync(Request, max, ct) is not { } upload)
                return Refuse(StatusCodes.Status400BadRequest, "Send the file with the form on this page.");
            if (!await TokenIsValidAsync(upload)) return Refuse(StatusCodes.Status400BadRequest, Expired);
            if (CsvMapping.Find(upload.Fields.GetValueOrDefault("mapping")) is not { } mapping)
                return Refuse(StatusCodes.Status400BadRequest, $"Unknown format; use {string.Join(", ", Mappings.Select(m => m.Name))}.");
            if (upload.File is null) return Refuse(StatusCodes.Status400BadRequest, "Choose a CSV file to import.");
            Report = await importer.ImportCsvAsync(upload.File, mapping, partial: false, $"dashboard upload ({User.Identity?.Name})", ct);
            if (!Report.Written) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        catch (BodyTooLargeException) { return Refuse(StatusCodes.Status413PayloadTooLarge, TooLarge(max)); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, TooLarge(max));
        }
    }

    const string Expired = "This form has expired or did not come from this page. Reload the page and choose the file again.";

    static string TooLarge(long max) => $"The file is too large: uploads are limited to {max:N0} bytes, as the API's are.";

    // The antiforgery check reads a header before the form: the token read from the stream is handed to it there.
    async Task<bool> TokenIsValidAsync(DashboardUpload upload)
    {
        var header = antiforgeryOptions.Value.HeaderName;
        if (!upload.Fields.TryGetValue(TokenField, out var token) || header is null) return false;
        Request.Headers[header] = token;
        return await antiforgery.IsRequestValidAsync(HttpContext);
    }

    IActionResult Refuse(int status, string problem)
    {
        Response.StatusCode = status;
        Problem = problem;
        return Page();
    }
}
