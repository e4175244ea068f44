using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.CrossBorder;

namespace Portal.SandboxBank.Configurations;

public sealed class BankQuoteConfiguration : IEntityTypeConfiguration<BankQuote>
{
    public void Configure(EntityTypeBuilder<BankQuote> builder)
    {
        builder.ToTable("Quotes");
        builder.HasKey(q => q.QuoteId);
        builder.Property(q => q.QuoteId).HasMaxLength(FxQuote.MaxQuoteIdLength);
        builder.Property(q => q.MerchantAccount).HasMaxLength(32);
        builder.Property(q => q.CurrencyCode).HasMaxLength(3);
        builder.Property(q => q.PayerCurrencyCode).HasMaxLength(3);
        builder.Ignore(q => q.PayerTotalMinorUnits);
        // One order per quote, whatever slips past the conditional update; SQLite lets many rows be NULL.
        builder.HasIndex(q => q.UsedByOrderId).IsUnique();
    }
}
