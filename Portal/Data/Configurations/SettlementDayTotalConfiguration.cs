using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Totals;

namespace Portal.Data.Configurations;

internal sealed class SettlementDayTotalConfiguration : IEntityTypeConfiguration<SettlementDayTotal>
{
    public void Configure(EntityTypeBuilder<SettlementDayTotal> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Day).HasConversion<DayNumberConverter>();
        builder.Property(t => t.CurrencyCode).HasMaxLength(3).IsRequired();
        // The settlement report's days of a merchant; the compaction's deltas, oldest first.
        builder.HasIndex(t => new { t.MerchantId, t.Day });
        builder.HasIndex(t => new { t.Kind, t.Id });
    }
}
