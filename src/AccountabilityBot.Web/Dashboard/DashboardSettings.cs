using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>Section "Dashboard": the address people open the dashboard at, which sign-in links point to.</summary>
public sealed class DashboardSettings : IValidatableObject
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The public address of the bot as a browser reaches it, such as https://bot.example.com/ (behind a reverse proxy, the
    /// proxy's). Empty: the address the bot listens on, right for the local demo on this machine.
    /// </summary>
    public string? PublicUrl { get; set; }

    public Uri? Public => Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) ? WithSlash(url) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(PublicUrl) && Public is null)
            yield return new("Dashboard:PublicUrl must be the address people open the bot at, such as https://bot.example.com/ " +
                "(http or https, no query).", [nameof(PublicUrl)]);
    }

    static Uri WithSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
}
