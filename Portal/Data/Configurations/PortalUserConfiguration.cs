using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Merchants;

namespace Portal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(u => u.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.MerchantId);
    }
}
