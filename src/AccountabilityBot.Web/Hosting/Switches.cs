namespace AccountabilityBot.Web.Hosting;

/// <summary>On/off settings read on their own rather than bound into a settings class.</summary>
public static class Switches
{
    public const string Demo = "Demo:Enabled";
    public const string WarmUp = "Hosting:WarmUp";
    public const string StartUpCollection = "Hosting:StartUpCollection";
    public const string LocalChannel = "Local:Enabled";
    static readonly string[] All = [Demo, WarmUp, StartUpCollection, LocalChannel];

    /// <summary>The switch's value; <paramref name="fallback"/> when it is unset or unreadable (the start-up check reports the latter).</summary>
    public static bool IsOn(this IConfiguration config, string key, bool fallback) => bool.TryParse(config[key], out var on) ? on : fallback;

    public static IEnumerable<string> Problems(IConfiguration config) =>
        All.Select(key => SettingValues.Unreadable(config, key, typeof(bool?), fallback: null)).OfType<string>();
}
