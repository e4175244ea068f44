using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The SQL Server flavour of <see cref="PortalDbContext"/>; its migrations are in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
