using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Patterns;

/// <summary>Patterns by their stable key; the evidence of their last raise; stop items proposed from one point back to it.</summary>
public sealed class PatternConfiguration
    : IEntityTypeConfiguration<FrontlinePattern>, IEntityTypeConfiguration<PatternEvidence>, IEntityTypeConfiguration<PatternRule>
{
    public void Configure(EntityTypeBuilder<FrontlinePattern> e)
    {
        e.HasIndex(p => p.Key).IsUnique();
        e.Property(p => p.Key).HasMaxLength(FrontlinePattern.KeyLength);
        e.Property(p => p.Name).HasMaxLength(FrontlinePattern.NameLength);
        e.Property(p => p.CustomerName).HasMaxLength(500);
        e.Property(p => p.DismissedReason).HasMaxLength(FrontlinePattern.ReasonLength);
        e.HasOne(p => p.Stage).WithMany().HasForeignKey(p => p.StageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.DismissedBy).WithMany().HasForeignKey(p => p.DismissedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Evidence).WithOne().HasForeignKey(x => x.PatternId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PatternEvidence> e)
    {
        e.HasKey(x => new { x.PatternId, x.ResolutionId });
        e.HasOne<Resolution>().WithMany().HasForeignKey(x => x.ResolutionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PatternRule> e) =>
        e.HasOne<Member>().WithMany().HasForeignKey(r => r.ChangedById).OnDelete(DeleteBehavior.Restrict);
}
