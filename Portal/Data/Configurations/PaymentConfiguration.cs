using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Data.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Checkout>().WithMany().HasForeignKey(p => p.CheckoutId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Step).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.FailedAtStep).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.CurrencyCode).HasMaxLength(3).IsRequired();
        builder.Property(p => p.MerchantReference).HasMaxLength(Checkout.ReferenceMaxLength).IsComparedExactly();
        builder.Property(p => p.IdPrefix).HasMaxLength(Payment.IdPrefixLength).IsRequired();
        builder.Property(p => p.FailureCode).HasMaxLength(8);
        builder.Property(p => p.FailureMessage).HasMaxLength(300);
        builder.Property(p => p.PayerAccountMasked).HasMaxLength(24);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(64).IsComparedExactly();
        builder.Property(p => p.RailReference).HasMaxLength(64).IsComparedExactly();
        builder.Property(p => p.QuoteId).HasMaxLength(Portal.Domain.CrossBorder.FxQuote.MaxQuoteIdLength).IsComparedExactly();
        builder.Property(p => p.PayerCurrencyCode).HasMaxLength(3);
        // Six significant digits from 0.0000001 to 9999999: twenty digits, ten after the point, hold every rate exactly.
        builder.Property(p => p.FxRate).HasPrecision(20, 10);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Amount);
        builder.Ignore(p => p.Failure);
        builder.Ignore(p => p.IsFinal);
        builder.Ignore(p => p.OrderId);
        builder.Ignore(p => p.Duration);
        builder.Ignore(p => p.SecondsPer100);
        builder.Ignore(p => p.Refundable);
        builder.Ignore(p => p.Refunded);
        builder.Ignore(p => p.IsCrossBorder);
        builder.Ignore(p => p.Quote);
        builder.Ignore(p => p.PayerTotal);
        // The admin list pages by (sort value, time, id) from each of these, filtered by status or method on their own
        // index; amounts sort both ways with ties newest first, which one index cannot serve in both directions.
        builder.HasIndex(p => new { p.MerchantId, p.MethodChosenAt, p.Id });
        builder.HasIndex(p => new { p.MerchantId, p.Status, p.MethodChosenAt, p.Id });
        builder.HasIndex(p => new { p.MerchantId, p.Method, p.MethodChosenAt, p.Id });
        builder.HasIndex(p => new { p.MerchantId, p.AmountMinorUnits, p.MethodChosenAt, p.Id });
        builder.HasIndex(p => new { p.MerchantId, p.AmountMinorUnits, p.MethodChosenAt, p.Id }, "IX_Payments_MerchantId_AmountMinorUnits_NewestFirst")
            .IsDescending(false, false, true, true);
        // The admin search: a reference or its start (a range over exact comparison), an id's first block, a checkout's id.
        builder.HasIndex(p => new { p.MerchantId, p.MerchantReference });
        builder.HasIndex(p => new { p.MerchantId, p.IdPrefix });
        builder.HasIndex(p => new { p.MerchantId, p.CheckoutId });
        // The checkout page's latest attempt; the reconciler's pending scan.
        builder.HasIndex(p => new { p.CheckoutId, p.MethodChosenAt });
        builder.HasIndex(p => new { p.Status, p.OrderCreatedAt });
        // The dashboard's speed sample: a merchant's latest succeeded payments of one method, read from the index's end.
        builder.HasIndex(p => new { p.MerchantId, p.Method, p.Status, p.MethodChosenAt });
        // A merchant's orders of a day, for reconciliation with the bank's statement.
        builder.HasIndex(p => new { p.MerchantId, p.OrderCreatedAt });
    }
}
