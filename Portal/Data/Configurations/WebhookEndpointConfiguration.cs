using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Merchants;
using Portal.Webhooks;

namespace Portal.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        builder.Property(e => e.EventTypes).HasMaxLength(200).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.PreviousProtectedSecret).HasMaxLength(1000);
        builder.Property(e => e.SecretHint).HasMaxLength(16).IsRequired();
        builder.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Events);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.MerchantId, e.CreatedAt });
    }
}
