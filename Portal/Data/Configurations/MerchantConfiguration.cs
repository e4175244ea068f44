using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;

namespace Portal.Data.Configurations;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(100).IsRequired();
        builder.Property(m => m.CategoryCode).HasMaxLength(4).IsRequired();
        builder.Property(m => m.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(m => m.City).HasMaxLength(60).IsRequired();
        builder.Property(m => m.CurrencyCode).HasMaxLength(3).IsRequired();
        builder.Property(m => m.SettlementAccount).HasMaxLength(19).IsRequired();
        builder.Property(m => m.AccentColor).HasMaxLength(7).IsRequired();
        builder.Property(m => m.QrFormat).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.FastPaymentLifetime).HasConversion<long>();
        builder.Property(m => m.SupportEmail).HasMaxLength(Merchant.SupportEmailMaxLength);
        // Defaults for merchants that existed before the setting did; new merchants always write their own value.
        builder.Property(m => m.DefaultLinkLifetime).HasConversion<long>().HasDefaultValue(Merchant.DefaultLinkLifetimeValue);
        // The default is for rows from before the setting existed; a merchant always carries its own, and None is no choice.
        builder.Property(m => m.DefaultPaymentMethods).HasConversion<string>().HasMaxLength(40).HasDefaultValue(PaymentMethods.All)
            .HasSentinel(PaymentMethods.None);
        builder.Property(m => m.StoreToken).HasMaxLength(CheckoutToken.Length).IsComparedExactly();
        builder.HasIndex(m => m.StoreToken).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.ForeignPayerCurrencies).HasMaxLength(Merchant.ForeignPayerCurrenciesMaxLength).IsRequired()
            .HasDefaultValue(Merchant.DefaultForeignPayerCurrencies);
        builder.Ignore(m => m.AcceptedForeignCurrencies);
        builder.Ignore(m => m.Currency);
        builder.Ignore(m => m.MaxCheckoutAmount);
        builder.Ignore(m => m.RefundApprovalThreshold);
        builder.Ignore(m => m.PendingRefundApprovalThreshold);
        builder.Property(m => m.PendingRefundApprovalThresholdBy).HasMaxLength(256);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}
