using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.SandboxBank.Configurations;

public sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(a => a.Number);
        builder.Property(a => a.Number).HasMaxLength(32);
        builder.Property(a => a.HolderName).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CurrencyCode).HasMaxLength(3);
        builder.Property(a => a.PinHash).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
