using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>
/// Touchpoints by unique name; their values one per day, read by touchpoint and date. Values and thresholds keep two
/// decimals, like money (SQLite stores both as whole hundredths), which is finer than any touchpoint is measured.
/// </summary>
public sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>, IEntityTypeConfiguration<TouchpointValue>
{
    public void Configure(EntityTypeBuilder<Touchpoint> e)
    {
        e.HasIndex(t => t.Name).IsUnique();
        e.Property(t => t.Name).HasMaxLength(Touchpoint.NameLength);
        e.Property(t => t.Unit).HasMaxLength(Touchpoint.UnitLength);
        e.Property(t => t.Measure).HasMaxLength(500);
        e.HasOne(t => t.Stage).WithMany().HasForeignKey(t => t.StageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TouchpointValue> e)
    {
        e.HasIndex(v => new { v.TouchpointId, v.On }).IsUnique();
        e.HasOne<Touchpoint>().WithMany().HasForeignKey(v => v.TouchpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
