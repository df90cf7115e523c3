namespace AccountabilityBot.Web.Dashboard;

/// <summary>The links between the pages of one part of the dashboard (Settings, Frontline), under its heading.</summary>
/// <param name="Label">The navigation's accessible name.</param>
public sealed record SubNav(string Label, IReadOnlyList<(string Href, string Label)> Pages)
{
    public static SubNav Settings { get; } = new("Settings",
    [
        ("/dashboard/settings", "Cadence"), ("/dashboard/settings/members", "Members"), ("/dashboard/settings/stages", "Journey stages"),
        ("/dashboard/settings/channels", "Channels"), ("/dashboard/settings/api-keys", "API keys"), ("/dashboard/settings/data", "Import and exports"),
    ]);

    public static SubNav Frontline { get; } = new("Frontline",
        [("/dashboard/frontline", "Resolutions"), ("/dashboard/frontline/patterns", "Patterns")]);
}
