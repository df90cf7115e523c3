using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>The HTTP API for CRMs and the dashboard (section "Api").</summary>
public sealed class ApiSettings
{
    public const string SectionName = "Api";

    /// <summary>When set, webhook requests must be signed with it (HMAC-SHA256); empty: the API key alone authenticates.</summary>
    public string? SigningSecret { get; set; }

    [Range(30, 3600, ErrorMessage = "Api:SignatureToleranceSeconds must be between 30 and 3600 seconds.")]
    public int SignatureToleranceSeconds { get; set; } = 300;

    [Range(1, 10_000, ErrorMessage = "Api:MaxEventsPerRequest must be between 1 and 10,000.")]
    public int MaxEventsPerRequest { get; set; } = 1_000;

    [Range(1_024, 64L * 1024 * 1024, ErrorMessage = "Api:MaxJsonBytes must be between 1 KB and 64 MB.")]
    public long MaxJsonBytes { get; set; } = 1024 * 1024;

    [Range(1_024, 2L * 1024 * 1024 * 1024, ErrorMessage = "Api:MaxImportBytes must be between 1 KB and 2 GB.")]
    public long MaxImportBytes { get; set; } = 50L * 1024 * 1024;

    [Range(1, 100_000, ErrorMessage = "Api:RequestsPerMinute must be between 1 and 100,000.")]
    public int RequestsPerMinute { get; set; } = 60;
}
