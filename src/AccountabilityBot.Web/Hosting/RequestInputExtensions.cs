using AccountabilityBot.Web.CustomerData;

namespace AccountabilityBot.Web.Hosting;

public static class RequestInputExtensions
{
    /// <summary>
    /// Bad input anywhere gets a 4xx problem that says what was wrong (<see cref="BadInputExceptionHandler"/>); a
    /// request the database was down for gets 503 (<see cref="DatabaseUnavailableExceptionHandler"/>).
    /// </summary>
    public static WebApplicationBuilder AddRequestInput(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadInputExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // A body that cannot be bound throws, instead of ending as an empty 400 or 415, so the handler can say why.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Two values for one key: refuse rather than let the last one win without saying so.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);
        return builder;
    }

    /// <summary>
    /// First in the pipeline: the bad-input handler, then the body limit. Every request body is small (chat commands,
    /// webhooks): over <paramref name="maxBytes"/> gets 413, by its Content-Length before anything is read, or while it
    /// is read when it is chunked. Paths under <paramref name="exceptUnder"/> (CSV uploads, event batches) enforce their
    /// own, larger limits.
    /// </summary>
    public static WebApplication UseRequestInput(this WebApplication app, long maxBytes, params PathString[] exceptUnder)
    {
        app.UseExceptionHandler();
        // A bare 4xx or 5xx (a route that does not exist, a refused signature) still answers with a problem body.
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            if (!exceptUnder.Any(path => context.Request.Path.StartsWithSegments(path)))
            {
                if (context.Request.ContentLength > maxBytes)
                {
                    await ApiProblems.TooLarge(maxBytes).ExecuteAsync(context);
                    return;
                }
                if (context.Request.ContentLength is null) context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
            }
            await next(context);
        });
        return app;
    }
}
