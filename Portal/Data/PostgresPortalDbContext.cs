using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The PostgreSQL flavour of <see cref="PortalDbContext"/>; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
