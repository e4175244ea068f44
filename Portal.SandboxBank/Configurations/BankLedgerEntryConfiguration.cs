using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.SandboxBank.Configurations;

public sealed class BankLedgerEntryConfiguration : IEntityTypeConfiguration<BankLedgerEntry>
{
    public void Configure(EntityTypeBuilder<BankLedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.AccountNumber).HasMaxLength(32);
        builder.Property(e => e.CurrencyCode).HasMaxLength(3);
        // Statements read an account's entries.
        builder.HasIndex(e => e.AccountNumber);
    }
}
