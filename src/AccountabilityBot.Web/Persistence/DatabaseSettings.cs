using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Persistence;

/// <summary>Section "Database": which provider, and where SQLite keeps its file.</summary>
public sealed class DatabaseSettings : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for the SQLite database and Hangfire's store, when no connection string is given.</summary>
    public string DataDirectory { get; set; } = "data";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult(
                $"Database:Provider '{Provider}' is not available in this version; use 'Sqlite'.", [nameof(Provider)]);
        if (string.IsNullOrWhiteSpace(DataDirectory))
            yield return new ValidationResult("Database:DataDirectory must name a folder for the database files.", [nameof(DataDirectory)]);
    }
}
