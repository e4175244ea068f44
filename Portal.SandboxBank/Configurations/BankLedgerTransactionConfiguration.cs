using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.SandboxBank.Configurations;

public sealed class BankLedgerTransactionConfiguration : IEntityTypeConfiguration<BankLedgerTransaction>
{
    public void Configure(EntityTypeBuilder<BankLedgerTransaction> builder)
    {
        builder.ToTable("LedgerTransactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Reference).HasMaxLength(200);
        builder.HasIndex(t => t.Reference);
        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TransactionId).OnDelete(DeleteBehavior.Restrict);
    }
}
