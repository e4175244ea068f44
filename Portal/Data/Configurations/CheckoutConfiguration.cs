using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;

namespace Portal.Data.Configurations;

internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<Checkout>
{
    public void Configure(EntityTypeBuilder<Checkout> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Token).HasMaxLength(CheckoutToken.Length).IsRequired();
        builder.HasIndex(c => c.Token).IsUnique();
        builder.Property(c => c.CurrencyCode).HasMaxLength(3).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Checkout.DescriptionMaxLength).IsRequired();
        builder.Property(c => c.MerchantReference).HasMaxLength(Checkout.ReferenceMaxLength);
        builder.Property(c => c.ReturnUrl).HasMaxLength(Checkout.ReturnUrlMaxLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.AllowedMethods).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Amount);
        builder.HasIndex(c => new { c.MerchantId, c.CreatedAt });
        builder.HasIndex(c => new { c.Status, c.ExpiresAt });
    }
}
