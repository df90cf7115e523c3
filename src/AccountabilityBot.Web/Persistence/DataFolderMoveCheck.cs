using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// A relative Database:DataDirectory used to be taken from the working directory and is now taken from the content
/// root. An install whose database is still where it was would otherwise start on a new, empty one without a word.
/// </summary>
public sealed class DataFolderMoveCheck(IConfiguration config, IHostEnvironment host) : IValidateOptions<DatabaseSettings>
{
    public ValidateOptionsResult Validate(string? name, DatabaseSettings settings)
    {
        var configured = config[$"{DatabaseSettings.SectionName}:{nameof(DatabaseSettings.DataDirectory)}"] ?? new DatabaseSettings().DataDirectory;
        if (string.IsNullOrWhiteSpace(configured) || Path.IsPathRooted(configured) || !string.IsNullOrEmpty(config.GetConnectionString("Accountability")))
            return ValidateOptionsResult.Skip;
        var before = Path.GetFullPath(configured);
        var now = PersistenceExtensions.Resolve(configured, host.ContentRootPath);
        return before != now
            && File.Exists(Path.Combine(before, PersistenceExtensions.FileName))
            && !File.Exists(Path.Combine(now, PersistenceExtensions.FileName))
            ? ValidateOptionsResult.Fail($"Database:DataDirectory: the database is in {before}, but a relative data folder is now taken from the bot's " +
                $"folder ({now}). Set Database:DataDirectory={before} to keep using it, or move the folder there.")
            : ValidateOptionsResult.Success;
    }
}
