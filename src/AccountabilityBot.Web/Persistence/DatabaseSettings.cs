using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Persistence;

/// <summary>Section "Database": which provider, and where SQLite keeps its file.</summary>
public sealed class DatabaseSettings : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (default) or "Postgres" (also "PostgreSQL"), in any case.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for the SQLite database and Hangfire's store, when no connection string is given.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool IsPostgres => IsPostgresName(Provider);

    /// <summary>Read from the raw setting too, before the options exist: the provider decides what is registered.</summary>
    public static bool IsPostgresName(string? provider) =>
        string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!IsPostgres && !string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"Database:Provider '{Provider}' is not known; use 'Sqlite' or 'Postgres'.", [nameof(Provider)]);
        if (!IsPostgres && string.IsNullOrWhiteSpace(DataDirectory))
            yield return new ValidationResult("Database:DataDirectory must name a folder for the database files.", [nameof(DataDirectory)]);
    }
}
