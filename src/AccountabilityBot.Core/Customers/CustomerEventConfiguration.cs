using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Customers;

/// <summary>Indexes the guerilla metrics read through, so no metric ever scans the whole event table.</summary>
public sealed class CustomerEventConfiguration : IEntityTypeConfiguration<CustomerEvent>
{
    public void Configure(EntityTypeBuilder<CustomerEvent> e)
    {
        // Covering: every metric filters on kind and a date range and reads value, customer and reason, so SQLite
        // answers a quarter of a million-event table from this index alone, without touching the rows.
        e.HasIndex(x => new { x.Kind, x.OccurredOn, x.AnnualValue, x.CustomerId, x.Reason })
            .HasDatabaseName("IX_CustomerEvents_Metrics");
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.ReferredBy).HasMaxLength(200);
    }
}
