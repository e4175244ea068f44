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
        // A statement reads one account's entries of a range, newest first, straight from this index: at a million
        // orders on a settlement account, finding the account's entries first and their transactions' times after
        // read every entry the account ever had.
        builder.HasIndex(e => new { e.AccountNumber, e.PostedAt, e.Id });
    }
}
