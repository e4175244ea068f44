using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The PostgreSQL flavour of <see cref="PortalDbContext"/>; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    // clock_timestamp, not now(): now() stands still for the whole transaction. EXTRACT answers numeric, exact to the microsecond.
    protected override string UtcTicksNowSql =>
        "SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 10000000)::bigint + 621355968000000000 AS \"Value\"";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // A database made with a language's collation orders text by that language, where a range no longer means "starts
        // with" and no index serves one: the payments search compares references byte for byte.
        builder.Entity<Domain.Payments.Payment>().Property(p => p.MerchantReference).UseCollation("C");
    }
}
