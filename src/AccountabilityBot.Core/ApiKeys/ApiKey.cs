using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.ApiKeys;

/// <summary>
/// A key a CRM or the dashboard uses to call the HTTP API. Only a SHA-256 hash of its secret is kept; the key itself
/// is shown once, when the CCO creates it. Revoked keys stay for the audit trail and never authenticate again.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The public part of the key ("abk_LOOKUP_SECRET"), used to find the row without comparing secrets in SQL.</summary>
    public required string LookupId { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("ApiKeys");
        e.HasIndex(k => k.LookupId).IsUnique();
        e.HasIndex(k => k.Name);
        e.Property(k => k.Name).HasMaxLength(64);
        e.Property(k => k.LookupId).HasMaxLength(32);
        e.Property(k => k.SecretHash).HasMaxLength(32);
    }
}
