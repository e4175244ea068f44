using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Sandbox.Configurations;

public sealed class UsedNonceConfiguration : IEntityTypeConfiguration<UsedNonce>
{
    public void Configure(EntityTypeBuilder<UsedNonce> builder)
    {
        builder.ToTable("UsedNonces");
        builder.HasKey(n => n.Nonce);
        builder.Property(n => n.Nonce).HasMaxLength(140);
        builder.HasIndex(n => n.SeenAt);
    }
}
