using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Customers;

/// <summary>The roll-ups of customer events, each keyed by its period first: every read is a range of days or months.</summary>
public sealed class CustomerTotalConfiguration : IEntityTypeConfiguration<CustomerDayTotal>, IEntityTypeConfiguration<CustomerMonthTotal>
{
    public void Configure(EntityTypeBuilder<CustomerDayTotal> e) => Configure(e, "CustomerDayTotals", nameof(CustomerDayTotal.Day));

    public void Configure(EntityTypeBuilder<CustomerMonthTotal> e) => Configure(e, "CustomerMonthTotals", nameof(CustomerMonthTotal.Month));

    static void Configure<T>(EntityTypeBuilder<T> e, string table, string period) where T : CustomerTotal
    {
        e.ToTable(table);
        e.HasKey(period, nameof(CustomerTotal.Kind), nameof(CustomerTotal.GroupId), nameof(CustomerTotal.Reason), nameof(CustomerTotal.Share));
        e.Property(x => x.Reason).HasMaxLength(2000);
    }
}
