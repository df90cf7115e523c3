using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>One key of the Data Protection key ring, which encrypts the session cookie and the antiforgery tokens.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

public sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> e)
    {
        e.ToTable("DataProtectionKeys");
        e.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
