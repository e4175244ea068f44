using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

internal sealed class WorkLeaseConfiguration : IEntityTypeConfiguration<WorkLease>
{
    public void Configure(EntityTypeBuilder<WorkLease> builder)
    {
        // The name as key: the first instance to insert a job's row holds it, a twin's insert is refused.
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(WorkLease.NameMaxLength).IsComparedExactly();
        builder.Property(l => l.Holder).HasMaxLength(InstanceIdentity.MaxLength).IsRequired().IsComparedExactly();
    }
}
