using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace AccountabilityBot.Web.Hosting;

/// <summary>Values in the configuration that cannot be read as their setting's type (a number, a duration, on/off).</summary>
public static class SettingValues
{
    /// <summary>
    /// One line per value under <paramref name="section"/> that <paramref name="defaults"/>' non-text properties cannot
    /// take, with the default as the example. Only numbers, durations and switches are quoted, never a text value:
    /// tokens and secrets are text.
    /// </summary>
    public static IReadOnlyList<string> Unreadable(IConfiguration config, string section, object defaults) =>
    [
        .. defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.PropertyType != typeof(string) && !p.PropertyType.IsArray)
            .Select(p => Unreadable(config, $"{section}:{p.Name}", p.PropertyType, p.GetValue(defaults)))
            .OfType<string>(),
    ];

    /// <summary>The problem with the value at <paramref name="key"/>, or null when it is absent or readable as <paramref name="type"/>.</summary>
    public static string? Unreadable(IConfiguration config, string key, Type type, object? fallback)
    {
        if (config[key] is not { } value) return null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && value.Length == 0) return null;
        try
        {
            _ = TypeDescriptor.GetConverter(underlying ?? type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException
                                   || ex.InnerException is FormatException or OverflowException)
        {
            var example = fallback is null ? "" : $" (the default is {Format(fallback)})";
            return $"{key}: '{value}' is not {Kind(underlying ?? type)}; set {Kind(underlying ?? type)}{example} or remove it.";
        }
    }

    static string Kind(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a duration written hh:mm:ss"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : "a " + type.Name;

    static string Format(object value) =>
        value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
