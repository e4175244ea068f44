using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The SQL Server flavour of <see cref="PortalDbContext"/>; its migrations are in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>
    /// Binary, so that <c>abc</c> and <c>ABC</c> are two idempotency keys, as they are on SQLite and PostgreSQL: SQL
    /// Server's default collations ignore case (and width, and sometimes accents) in comparisons and unique indexes.
    /// </summary>
    public const string ExactCollation = "Latin1_General_100_BIN2";

    // Microseconds since year 1 (datetime2 has 100 ns, but DATEDIFF_BIG of that would overflow), times ten: ticks.
    protected override string UtcTicksNowSql =>
        "SELECT DATEDIFF_BIG(microsecond, CAST('0001-01-01' AS datetime2), SYSUTCDATETIME()) * 10 AS \"Value\"";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.IsComparedExactly())
            {
                property.SetCollation(ExactCollation);
            }
        }
    }
}
