using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Merchants;
using Portal.Webhooks;

namespace Portal.Data.Configurations;

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(40).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        builder.HasOne<Merchant>().WithMany().HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's question: which events still need their deliveries.
        builder.HasIndex(e => new { e.FannedOutAt, e.CreatedAt });
        builder.HasIndex(e => new { e.MerchantId, e.CreatedAt });
    }
}
