namespace AccountabilityBot.Core.Dashboard;

/// <summary>Where the dashboard is reached from a browser; the host knows (a setting, or its own listening address).</summary>
public interface IDashboardAddress
{
    /// <summary>The dashboard's base address, e.g. https://bot.example.com/.</summary>
    Uri BaseUrl { get; }
}

/// <summary>A fixed address: the host's own replaces it; a bare engine (tests, tools) links to this machine.</summary>
public sealed class FixedDashboardAddress(Uri baseUrl) : IDashboardAddress
{
    public Uri BaseUrl { get; } = baseUrl;
}
