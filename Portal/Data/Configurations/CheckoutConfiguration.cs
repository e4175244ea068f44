using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.Property(c => c.Token).HasMaxLength(CheckoutToken.Length).IsRequired().IsComparedExactly();
        builder.HasIndex(c => c.Token).IsUnique();
        builder.Property(c => c.CurrencyCode).HasMaxLength(3).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Checkout.DescriptionMaxLength).IsRequired();
        builder.Property(c => c.MerchantReference).HasMaxLength(Checkout.ReferenceMaxLength).IsComparedExactly();
        builder.Property(c => c.ReturnUrl).HasMaxLength(Checkout.ReturnUrlMaxLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.AllowedMethods).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Amount);
        // JSON in one column: read back whole, never queried by key. Rows from before metadata existed hold "".
        builder.Property(c => c.Metadata)
            .HasConversion(
                metadata => JsonSerializer.Serialize(metadata, (JsonSerializerOptions?)null),
                json => json.Length == 0
                    ? new Dictionary<string, string>()
                    : JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null)!,
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    metadata => metadata.Count,
                    metadata => metadata))
            .HasMaxLength(16000)
            .IsRequired();
        // The links list and the API's list, newest first, paged by (CreatedAt, Id) keys.
        builder.HasIndex(c => new { c.MerchantId, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.ExpiresAt });
    }
}
