using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Hosting;

/// <summary>One options class bound from one configuration section, as the start-up check sees it.</summary>
public sealed record SettingsSection(string Name, Func<IServiceProvider, IReadOnlyList<string>> Problems);

public static class SettingsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/>, validates its attributes (and
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) with one line per problem naming the
    /// setting, and lists the section for <see cref="SettingsCheck"/>, which reads them all before anything is created.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class, new()
    {
        services.AddSingleton(new SettingsSection(section, sp => ProblemsOf<T>(sp, section)));
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    static IReadOnlyList<string> ProblemsOf<T>(IServiceProvider services, string section) where T : class, new()
    {
        // A value the binder cannot convert would throw from the binder, without the others; say which instead.
        var unreadable = SettingValues.Unreadable(services.GetRequiredService<IConfiguration>(), section, new T());
        if (unreadable.Count > 0) return unreadable;
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }
}
