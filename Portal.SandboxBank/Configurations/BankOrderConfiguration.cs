using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.SandboxBank.Configurations;

public sealed class BankOrderConfiguration : IEntityTypeConfiguration<BankOrder>
{
    public const int MaxCallbackUrlLength = 2000;

    public void Configure(EntityTypeBuilder<BankOrder> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.OrderId);
        // The sender chooses the id, so the database must not generate one.
        builder.Property(o => o.OrderId).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.PayerAccount).HasMaxLength(32);
        builder.Property(o => o.MerchantAccount).HasMaxLength(32);
        builder.Property(o => o.CurrencyCode).HasMaxLength(3);
        builder.Property(o => o.Reference).HasMaxLength(200);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ReasonCode).HasMaxLength(8);
        builder.Property(o => o.ReasonMessage).HasMaxLength(300);
        builder.Property(o => o.CallbackUrl).HasMaxLength(MaxCallbackUrlLength);
        builder.Property(o => o.QuoteId).HasMaxLength(Portal.Domain.CrossBorder.FxQuote.MaxQuoteIdLength);
        builder.Property(o => o.PayerCurrencyCode).HasMaxLength(3);
        builder.Ignore(o => o.IsCrossBorder);
        builder.HasIndex(o => o.ReceivedAt);
        // A payment's refunds, summed before each new one so that no payment is refunded beyond what it paid.
        builder.HasIndex(o => o.OriginalOrderId);
    }
}
