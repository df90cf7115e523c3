using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// A signed-in browser. The cookie carries a random key; the row keeps its hash, so ending the row ends the session
/// for good, on every instance, whatever the cookie says.
/// </summary>
public sealed class DashboardSession
{
    public long Id { get; set; }
    public required string KeyHash { get; set; }
    public int MemberId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

public sealed class DashboardSessionConfiguration : IEntityTypeConfiguration<DashboardSession>
{
    public void Configure(EntityTypeBuilder<DashboardSession> e)
    {
        e.HasIndex(s => s.KeyHash).IsUnique();
        e.Property(s => s.KeyHash).HasMaxLength(64);
        e.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
