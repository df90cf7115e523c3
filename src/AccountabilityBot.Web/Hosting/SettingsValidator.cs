using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// The attribute and <see cref="IValidatableObject"/> checks of a settings class, each problem as one line that starts
/// with the setting's name ("Jobs:WorkerCount: ..."), so a person reading the start-up output knows what to change.
/// </summary>
public sealed class SettingsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (name != Options.DefaultName) return ValidateOptionsResult.Skip;
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => Line(r.ErrorMessage ?? "is not valid.", r.MemberNames.FirstOrDefault())));
    }

    string Line(string message, string? member) =>
        message.StartsWith(section + ":", StringComparison.Ordinal) ? message
        : member is null ? $"{section}: {message}"
        : $"{section}:{member}: {message}";
}
