using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The SQLite flavour of <see cref="PortalDbContext"/>; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
