namespace AccountabilityBot.Web.Hosting;

/// <summary>One thing the bot needs before a load balancer sends it work: the database, the job storage.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Null when reachable; otherwise what is wrong, in a few words (never a connection string).</summary>
    Task<string?> ProblemAsync(CancellationToken ct);
}

public static class ReadinessExtensions
{
    static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>/healthz</c> says the process is alive (for a restart policy); <c>/readyz</c> says it can do its work (for a
    /// load balancer): 200 when every check passes, else 503 naming what is not reachable.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/readyz", async (IEnumerable<IReadinessCheck> checks, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string>();
            foreach (var check in checks)
                if (await ProblemAsync(check, ct) is { } problem) problems[check.Name] = problem;
            return problems.Count == 0
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "not ready", problems }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    static async Task<string?> ProblemAsync(IReadinessCheck check, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return await check.ProblemAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {CheckTimeout.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return "unreachable: " + ex.GetType().Name;
        }
    }
}
