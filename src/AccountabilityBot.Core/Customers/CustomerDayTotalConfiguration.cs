using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Customers;

/// <summary>The daily roll-up of customer events, keyed by day first: every read is a range of days.</summary>
public sealed class CustomerDayTotalConfiguration : IEntityTypeConfiguration<CustomerDayTotal>
{
    public void Configure(EntityTypeBuilder<CustomerDayTotal> e)
    {
        e.ToTable("CustomerDayTotals");
        e.HasKey(x => new { x.Day, x.Kind, x.GroupId, x.Reason, x.Share });
        e.Property(x => x.Reason).HasMaxLength(2000);
    }
}
