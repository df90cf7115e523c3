using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>
/// A one-time sign-in link to the dashboard, for one member. Only the token's hash is kept: the token itself is in the
/// chat reply alone (shown once), so the database cannot sign anyone in.
/// </summary>
public sealed class DashboardSignIn
{
    public long Id { get; set; }
    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }
    public int MemberId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>SHA-256 of the cookie of the browser that first opened the link; another browser is refused.</summary>
    public string? BrowserHash { get; set; }
    public DateTime? UsedAt { get; set; }
}

public sealed class DashboardSignInConfiguration : IEntityTypeConfiguration<DashboardSignIn>
{
    public void Configure(EntityTypeBuilder<DashboardSignIn> e)
    {
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => new { s.MemberId, s.CreatedAt });
        e.Property(s => s.TokenHash).HasMaxLength(64);
        e.Property(s => s.BrowserHash).HasMaxLength(64);
        e.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
