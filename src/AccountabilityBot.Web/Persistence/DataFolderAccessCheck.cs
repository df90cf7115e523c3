using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// A data folder the bot could not create or write in is a setting to fix, said with the others before anything is
/// created, rather than a stack trace from the first database call. Only a probe file is written, and removed at once.
/// </summary>
public sealed class DataFolderAccessCheck : IValidateOptions<DatabaseSettings>
{
    public ValidateOptionsResult Validate(string? name, DatabaseSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.DataDirectory)) return ValidateOptionsResult.Skip;
        var folder = Path.GetFullPath(settings.DataDirectory);
        // The nearest folder that exists is where the bot must be able to write: it creates the rest below it.
        for (var at = folder; at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
                return Fail(folder, $"{at} is a file, not a folder");
            if (!Directory.Exists(at)) continue;
            try
            {
                var probe = Path.Combine(at, $".write-check-{Guid.NewGuid():N}");
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                return ValidateOptionsResult.Success;
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                return Fail(folder, $"the bot cannot write in {at} ({ex.Message})");
            }
        }
        return ValidateOptionsResult.Success;
    }

    static ValidateOptionsResult Fail(string folder, string why) => ValidateOptionsResult.Fail(
        $"Database:DataDirectory: cannot keep the data in {folder}: {why}. Set it to a folder the bot's user may write in.");
}
