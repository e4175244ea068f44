using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Merchants;

namespace Portal.Data.Configurations;

internal sealed class MerchantLogoConfiguration : IEntityTypeConfiguration<MerchantLogo>
{
    public void Configure(EntityTypeBuilder<MerchantLogo> builder)
    {
        builder.HasKey(l => l.MerchantId);
        builder.HasOne<Merchant>().WithOne().HasForeignKey<MerchantLogo>(l => l.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ContentType).HasMaxLength(16).IsRequired();
        builder.Property(l => l.Content).HasMaxLength(MerchantLogo.MaxBytes).IsRequired();
    }
}
