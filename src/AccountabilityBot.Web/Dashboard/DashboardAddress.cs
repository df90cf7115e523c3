using AccountabilityBot.Core.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// Dashboard:PublicUrl when set; otherwise the first address the bot listens on (a wildcard host read as localhost),
/// which is where the local demo's browser is.
/// </summary>
public sealed class DashboardAddress(IOptions<DashboardSettings> settings, IServer server) : IDashboardAddress
{
    public Uri BaseUrl => settings.Value.Public ?? Listening() ?? new Uri("http://localhost:5000/");

    Uri? Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        var local = address.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(local.TrimEnd('/') + "/", UriKind.Absolute, out var url) ? url : null;
    }
}
