using System.Globalization;
using System.Threading.RateLimiting;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.CustomerData;

public static class CustomerDataExtensions
{
    public const string RatePolicy = "per-api-key";

    /// <summary>Customer data in (CSV import, webhook) and out (metrics, exports), the API keys that guard it, and its limits.</summary>
    public static WebApplicationBuilder AddCustomerData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<CustomerDataSettings>(CustomerDataSettings.SectionName);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<CustomerDataSettings>>().Value);
        builder.Services.AddSettings<ApiSettings>(ApiSettings.SectionName);
        builder.Services.AddScoped<CustomerEventImporter>();
        builder.Services.AddScoped<ApiKeyAuthentication>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RatePolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<ApiSettings>>().Value.RequestsPerMinute;
                // Each key has its own window; requests without a usable key share one per client address.
                var partition = ApiKeyAuthentication.LookupId(http.Request) is { } lookup ? "key:" + lookup : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Status(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This API key is limited to its requests per minute; try again in {seconds} seconds.").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication MapCustomerData(this WebApplication app)
    {
        app.UseRateLimiter();
        var api = app.MapGroup("/api/v1").AddEndpointFilter(ApiKeyAuthentication.Require).RequireRateLimiting(RatePolicy);
        api.MapPost("/customer-events", CustomerEventsApi.PostEventsAsync);
        api.MapPost("/customer-events/import", CustomerEventsApi.ImportAsync);
        api.MapPost("/touchpoints/{name}/values", TouchpointsApi.PostValuesAsync);
        api.MapGet("/metrics", MetricsApi.GetAsync);
        api.MapGet("/exports/{name}", ExportsApi.GetAsync);
        return app;
    }
}
