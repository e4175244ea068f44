using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Audit;

namespace Portal.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        // No foreign keys: the log outlives the users and links it names, and is never what blocks deleting them.
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(e => e.TargetType).HasMaxLength(AuditEntry.TargetTypeMaxLength);
        builder.Property(e => e.TargetId).HasMaxLength(AuditEntry.TargetIdMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEntry.IpAddressMaxLength);
        // The audit page reads one merchant's entries newest first, paged by (At, Id) keys, optionally of one action or
        // actor; the actor index also lists who appears in the log.
        builder.HasIndex(e => new { e.MerchantId, e.At, e.Id });
        builder.HasIndex(e => new { e.MerchantId, e.Action, e.At, e.Id });
        builder.HasIndex(e => new { e.MerchantId, e.ActorUserId, e.At, e.Id });
    }
}
