namespace AccountabilityBot.Web.Teams;

/// <summary>The Teams member profile (TeamsChannelAccount).</summary>
public sealed record TeamsMemberProfile(string? Id, string? Name, string? AadObjectId, string? Email, string? UserPrincipalName, string? TenantId);
