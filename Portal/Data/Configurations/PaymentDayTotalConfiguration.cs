using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Totals;

namespace Portal.Data.Configurations;

internal sealed class PaymentDayTotalConfiguration : IEntityTypeConfiguration<PaymentDayTotal>
{
    public void Configure(EntityTypeBuilder<PaymentDayTotal> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Day).HasConversion<DayNumberConverter>();
        builder.Property(t => t.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.CurrencyCode).HasMaxLength(3).IsRequired();
        // The dashboard's days of a merchant; the compaction's deltas, oldest first.
        builder.HasIndex(t => new { t.MerchantId, t.Day });
        builder.HasIndex(t => new { t.Kind, t.Id });
    }
}
