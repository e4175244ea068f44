using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The SQLite flavour of <see cref="PortalDbContext"/>; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    // Whole milliseconds since 1970 (SQLite's 'now' has no finer grain), then ticks since year 1 in integer arithmetic.
    protected override string UtcTicksNowSql =>
        "SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 10000 + 621355968000000000 AS \"Value\"";
}
