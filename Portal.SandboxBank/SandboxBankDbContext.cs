using Microsoft.EntityFrameworkCore;

namespace Portal.SandboxBank;

/// <summary>The sandbox bank's own database, apart from Portal's: the bank stands for another institution.</summary>
public sealed class SandboxBankDbContext(DbContextOptions<SandboxBankDbContext> options) : DbContext(options)
{
    public DbSet<BankAccount> Accounts => Set<BankAccount>();

    public DbSet<BankOrder> Orders => Set<BankOrder>();

    public DbSet<BankLedgerTransaction> LedgerTransactions => Set<BankLedgerTransaction>();

    public DbSet<BankLedgerEntry> LedgerEntries => Set<BankLedgerEntry>();

    public DbSet<BankQuote> Quotes => Set<BankQuote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SandboxBankDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.BankAccountConfiguration).Namespace);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
