using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sandbox;

namespace Portal.Tests.Integration;

/// <summary>Each provider's migrations match the model: no one forgot to add a migration for a model change.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_MatchModel_NoPendingChanges()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServerMigrations_MatchModel_NoPendingChanges()
    {
        // No server is contacted: the model is compared with the migrations' snapshot.
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=unused;Database=Portal;TrustServerCertificate=True").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SandboxBankMigrations_MatchModel_NoPendingChanges()
    {
        using var db = new SandboxBankDbContext(new DbContextOptionsBuilder<SandboxBankDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task SqliteMigrations_FreshFile_ApplyCleanly()
    {
        var directory = Infrastructure.TestPaths.NewTempDirectory("migrate");
        try
        {
            await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite($"Data Source={Path.Combine(directory, "portal.db")};Pooling=False").Options);
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Payments.CountAsync());
        }
        finally
        {
            Infrastructure.TestPaths.TryDelete(directory);
        }
    }
}
