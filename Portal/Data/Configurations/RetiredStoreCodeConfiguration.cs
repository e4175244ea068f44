using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;

namespace Portal.Data.Configurations;

internal sealed class RetiredStoreCodeConfiguration : IEntityTypeConfiguration<RetiredStoreCode>
{
    public void Configure(EntityTypeBuilder<RetiredStoreCode> builder)
    {
        builder.HasKey(c => c.Token);
        builder.Property(c => c.Token).HasMaxLength(CheckoutToken.Length).IsComparedExactly();
        builder.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
