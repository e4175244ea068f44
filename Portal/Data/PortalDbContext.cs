using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Data;

/// <summary>
/// Portal's own data: Identity, merchants, checkouts, payments, and the Data Protection key ring that signs cookies and
/// encrypts secrets (so every instance and every restart reads the same keys). Each database provider has a thin
/// subclass so that its migrations live apart (<see cref="SqlitePortalDbContext"/>, <see cref="SqlServerPortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>); code uses this type.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<Email.MailboxMessage> MailboxMessages => Set<Email.MailboxMessage>();

    public DbSet<MerchantLogo> MerchantLogos => Set<MerchantLogo>();

    public DbSet<RetiredStoreCode> RetiredStoreCodes => Set<RetiredStoreCode>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<Domain.ApiKeys.ApiKey> ApiKeys => Set<Domain.ApiKeys.ApiKey>();

    public DbSet<Api.Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Api.Idempotency.IdempotencyRecord>();

    public DbSet<Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Webhooks.WebhookEndpoint>();

    public DbSet<Webhooks.WebhookEvent> WebhookEvents => Set<Webhooks.WebhookEvent>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();

    public DbSet<WorkLease> WorkLeases => Set<WorkLease>();

    public DbSet<Totals.PaymentDayTotal> PaymentDayTotals => Set<Totals.PaymentDayTotal>();

    public DbSet<Totals.SettlementDayTotal> SettlementDayTotals => Set<Totals.SettlementDayTotal>();

    // Every save carries the running totals of what it changes (Totals.RunningTotals), here rather than in an
    // interceptor so that no way of making a context (the pooled factory, a command, a test, the bench) can miss it.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var deltas = Totals.RunningTotals.Record(this);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            Totals.RunningTotals.Forget(this, deltas);
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var deltas = Totals.RunningTotals.Record(this);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            Totals.RunningTotals.Forget(this, deltas);
            throw;
        }
    }

    /// <summary>
    /// A query that answers the database server's current instant as UTC ticks, in one column named <c>Value</c>. Leases
    /// and claims are timed by it, not by the hosts' clocks, which drift apart; instants are stored as ticks
    /// (<see cref="UtcTicksConverter"/>), which no provider's own "now" is, so each flavour says how to get there.
    /// </summary>
    protected abstract string UtcTicksNowSql { get; }

    /// <summary>The database server's clock: one instant every instance reads alike.</summary>
    public async Task<DateTimeOffset> GetDatabaseNowAsync(CancellationToken cancellationToken = default)
    {
        var ticks = await Database.SqlQueryRaw<long>(UtcTicksNowSql).SingleAsync(cancellationToken);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// Identity's table shapes, fixed here rather than read from the app's Identity options at run time: `dotnet ef`
    /// builds this context without the app's services, and a model that differs between the two makes every server
    /// provider refuse to migrate ("pending model changes"). Version 1 is what the migrations were made with.
    /// </summary>
    protected override Version SchemaVersion => Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version1;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Only Portal's configurations: the sandbox bank's live in the same assembly but belong to its own database.
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.PaymentConfiguration).Namespace);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset in SQL; UTC ticks sort and filter in the database on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
