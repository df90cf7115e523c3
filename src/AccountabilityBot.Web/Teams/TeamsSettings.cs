using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// The Teams section. Teams is on when <see cref="AppId"/> is set. Every endpoint is a setting so the bot runs in
/// sovereign clouds and against test keys; token validation itself has no off switch.
/// </summary>
public sealed class TeamsSettings : IValidatableObject
{
    public const string SectionName = "Teams";
    public const string PublicOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicIssuer = "https://api.botframework.com";
    public const string PublicScope = "https://api.botframework.com/.default";
    const string LoginTemplate = "https://login.microsoftonline.com/{0}/oauth2/v2.0/token";

    /// <summary>The bot's Microsoft App ID (a GUID); also the audience of every token the Bot Connector sends us.</summary>
    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    /// <summary>Set for a single-tenant bot; empty for multi-tenant (tokens come from the botframework.com tenant).</summary>
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = PublicOpenIdMetadataUrl;
    /// <summary>Empty means the Bot Framework's token endpoint for <see cref="TenantId"/> (or botframework.com).</summary>
    public string? TokenEndpoint { get; set; }
    public string Issuer { get; set; } = PublicIssuer;
    public string Scope { get; set; } = PublicScope;

    /// <summary>
    /// The bot's public https address, the one its messaging endpoint (/api/messages) is under. Teams fetches the
    /// pictures in cards (the marble jar) from there; empty, an https Dashboard:PublicUrl serves, else cards carry the chart
    /// as words only.
    /// </summary>
    public string? PublicUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary><see cref="PublicUrl"/> as a base to resolve paths against (ending in "/"), or null when unset.</summary>
    public Uri? PublicBase => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl.Trim().TrimEnd('/') + "/");

    public string ResolvedTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? string.Format(System.Globalization.CultureInfo.InvariantCulture, LoginTemplate,
            string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId.Trim())
        : TokenEndpoint.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(PublicUrl) && (!Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var site)
            || site.Scheme != Uri.UriSchemeHttps || site.Query.Length > 0 || site.Fragment.Length > 0))
            yield return new("Teams:PublicUrl must be the bot's public https address, such as https://bot.example.com: the address its "
                + "messaging endpoint /api/messages is under. Teams shows the pictures in cards only from https.");
        if (!Enabled)
        {
            if (!string.IsNullOrWhiteSpace(AppPassword))
                yield return new("Teams:AppPassword is set but Teams:AppId is empty. Set both (from the Azure Bot registration) or neither.");
            yield break;
        }
        if (!Guid.TryParse(AppId, out _))
            yield return new("Teams:AppId must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 (Azure Bot → Configuration).");
        if (string.IsNullOrWhiteSpace(AppPassword))
            yield return new("Teams:AppPassword is missing. Create a client secret for the bot's app registration and set it (never commit it).");
        if (!string.IsNullOrWhiteSpace(TenantId) && !Guid.TryParse(TenantId, out _))
            yield return new("Teams:TenantId must be your Microsoft Entra tenant id (a GUID), or empty for a multi-tenant bot.");
        foreach (var (name, value) in new[] { ("OpenIdMetadataUrl", OpenIdMetadataUrl), ("TokenEndpoint", ResolvedTokenEndpoint) })
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                yield return new($"Teams:{name} must be an https:// URL.");
        if (string.IsNullOrWhiteSpace(Issuer)) yield return new("Teams:Issuer must not be empty (https://api.botframework.com in the public cloud).");
        if (string.IsNullOrWhiteSpace(Scope)) yield return new("Teams:Scope must not be empty (https://api.botframework.com/.default in the public cloud).");
    }
}
