using AccountabilityBot.Core.Exports;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>GET /api/v1/exports/{decisions|commitments|stop-list|resolutions}.csv: streamed, formula-safe RFC 4180 CSV.</summary>
public static class ExportsApi
{
    public static async Task<IResult> GetAsync(string name, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var bare = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        if (Exports.Find(bare) is not { } export)
            return ApiProblems.Status(StatusCodes.Status404NotFound, "No such export",
                $"Exports are {string.Join(", ", Exports.All.Select(e => e.Name + ".csv"))}.");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.Name}-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await CsvExport.WriteAsync(http.Response.Body, export.Header, export.Rows(db), http.RequestAborted);
        return Results.Empty;
    }
}
