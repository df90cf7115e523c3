using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Hosting;

/// <summary>Section "Metrics": where Prometheus may scrape the bot's metrics; empty (the default) turns them off.</summary>
public sealed class MetricsSettings : IValidatableObject
{
    public const string SectionName = "Metrics";

    /// <summary>An address of its own, such as http://127.0.0.1:9464, that the reverse proxy does not forward to.</summary>
    public string? Url { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(Url) && PrivateAddress.Parse(Url) is null)
            yield return new("Metrics:Url must be an address with a port of its own, such as http://127.0.0.1:9464.", [nameof(Url)]);
    }
}
