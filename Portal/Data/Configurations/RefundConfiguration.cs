using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Data.Configurations;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Step).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.CurrencyCode).HasMaxLength(3).IsRequired();
        builder.Property(r => r.PayerCurrencyCode).HasMaxLength(3);
        builder.Ignore(r => r.PayerAmount);
        builder.Property(r => r.Note).HasMaxLength(Refund.MaxNoteLength * 2);
        builder.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.RequestedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.ApprovedById).HasMaxLength(450);
        builder.Property(r => r.ApprovedByName).HasMaxLength(256);
        builder.Property(r => r.RejectedById).HasMaxLength(450);
        builder.Property(r => r.RejectedByName).HasMaxLength(256);
        builder.Property(r => r.ApprovalReason).HasMaxLength(Refund.ApprovalReasonMaxLength);
        builder.Property(r => r.FailureCode).HasMaxLength(8);
        builder.Property(r => r.FailureMessage).HasMaxLength(300);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(100).IsRequired().IsComparedExactly();
        builder.Property(r => r.RailReference).HasMaxLength(64).IsComparedExactly();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Amount);
        builder.Ignore(r => r.OrderId);
        builder.Ignore(r => r.IsFinal);
        builder.Ignore(r => r.IsInFlight);
        // One refund per request key and merchant: the database refuses a twin that slipped past the first look.
        builder.HasIndex(r => new { r.MerchantId, r.IdempotencyKey }).IsUnique();
        // The refunds list newest first, paged by (RequestedAt, Id) keys; by status too, which also holds the approvals
        // queue and its count. A payment's refunds, the reconciler's scan.
        builder.HasIndex(r => new { r.MerchantId, r.RequestedAt, r.Id });
        builder.HasIndex(r => new { r.MerchantId, r.Status, r.RequestedAt, r.Id });
        builder.HasIndex(r => new { r.PaymentId, r.RequestedAt });
        builder.HasIndex(r => new { r.CheckoutId, r.RequestedAt });
        // A staff member's (or API key's) refunds of the day, summed for four-eyes on every refund request.
        builder.HasIndex(r => new { r.MerchantId, r.RequestedById, r.RequestedAt });
        builder.HasIndex(r => new { r.Status, r.OrderCreatedAt });
        // A merchant's orders of a day, for reconciliation with the bank's statement.
        builder.HasIndex(r => new { r.MerchantId, r.OrderCreatedAt });
    }
}
