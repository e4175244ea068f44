using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.ApiKeys;
using Portal.Domain.Merchants;

namespace Portal.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Hint).HasMaxLength(16).IsRequired();
        builder.Property(k => k.SecretSalt).HasMaxLength(32).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(256);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasOne<Merchant>().WithMany().HasForeignKey(k => k.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.MerchantId, k.CreatedAt });
    }
}
