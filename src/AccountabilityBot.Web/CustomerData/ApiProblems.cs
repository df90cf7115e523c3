using AccountabilityBot.Core.Customers.Import;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>RFC 9457 problem details, with a CCO-readable title; import problems carry every bad row.</summary>
public static class ApiProblems
{
    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    public static IResult Unauthorized(string detail) => Status(StatusCodes.Status401Unauthorized, "Not authenticated", detail);

    public static IResult TooLarge(long max) =>
        Status(StatusCodes.Status413PayloadTooLarge, "Request too large", $"Bodies are limited to {max:N0} bytes here.");

    public static IResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>200 with the report when something was written; 422 with every problem when nothing was.</summary>
    public static IResult Report(ImportReport report)
    {
        var body = new
        {
            written = report.Written, rows = report.Rows, inserted = report.Inserted, updated = report.Updated,
            skipped = report.Skipped, rejected = report.Rejected, summary = report.Summary,
            problems = report.Problems.Select(p => new { line = p.Line, column = p.Column, reason = p.Reason }),
            problemsTruncated = report.ProblemsTruncated,
        };
        return report.Written
            ? Results.Ok(body)
            : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing was imported", detail: report.Summary,
                extensions: new Dictionary<string, object?> { ["report"] = body });
    }
}
