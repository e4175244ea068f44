using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Identity;
using Portal.SandboxBank;

namespace Portal.Tests.Integration;

/// <summary>
/// Each provider's migrations match the model as Portal builds it at run time (with the app's own services, whose
/// Identity options once changed the model behind `dotnet ef`'s back): no one forgot to add a migration for a change.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly IServiceProvider AppServices = BuildAppServices();

    [Fact]
    public void SqliteMigrations_MatchModel_NoPendingChanges()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=:memory:").UseApplicationServiceProvider(AppServices).Options);

        Assert.False(db.Database.HasPendingModelChanges(), Differences(db));
    }

    [Fact]
    public void SqlServerMigrations_MatchModel_NoPendingChanges()
    {
        // No server is contacted: the model is compared with the migrations' snapshot.
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=unused;Database=Portal;TrustServerCertificate=True", sql => sql.EnableRetryOnFailure())
            .UseApplicationServiceProvider(AppServices).Options);

        Assert.False(db.Database.HasPendingModelChanges(), Differences(db));
    }

    [Fact]
    public void PostgresMigrations_MatchModel_NoPendingChanges()
    {
        using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=unused;Database=portal", npgsql => npgsql.EnableRetryOnFailure())
            .UseApplicationServiceProvider(AppServices).Options);

        Assert.False(db.Database.HasPendingModelChanges(), Differences(db));
    }

    [Fact]
    public void SqlServerModel_KeysTokensAndReferences_CompareBinary()
    {
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=unused;Database=Portal").Options);
        var model = db.GetService<IDesignTimeModel>().Model;
        string? CollationOf<T>(string property) => model.FindEntityType(typeof(T))!.FindProperty(property)!.GetCollation();

        Assert.Equal(SqlServerPortalDbContext.ExactCollation, CollationOf<global::Portal.Api.Idempotency.IdempotencyRecord>("Key"));
        Assert.Equal(SqlServerPortalDbContext.ExactCollation, CollationOf<global::Portal.Domain.Refunds.Refund>("IdempotencyKey"));
        Assert.Equal(SqlServerPortalDbContext.ExactCollation, CollationOf<global::Portal.Domain.Payments.Payment>("IdempotencyKey"));
        Assert.Equal(SqlServerPortalDbContext.ExactCollation, CollationOf<global::Portal.Domain.Checkouts.Checkout>("Token"));
        Assert.Equal(SqlServerPortalDbContext.ExactCollation, CollationOf<global::Portal.Domain.Checkouts.Checkout>("MerchantReference"));
        Assert.Equal(SqlServerPortalDbContext.ExactCollation, CollationOf<global::Portal.Domain.Merchants.Merchant>("StoreToken"));
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

    [Fact]
    public async Task PostgresMigrations_FreshDatabase_ApplyCleanly()
    {
        await using var database = Infrastructure.PostgresDatabase.Create();
        await using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql(database.ConnectionString).UseApplicationServiceProvider(AppServices).Options);
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Payments.CountAsync());
    }

    // Identity's options, as Portal registers them: IdentityDbContext reads them from the app's services.
    private static IServiceProvider BuildAppServices()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddPortalIdentity();
        return builder.Services.BuildServiceProvider();
    }

    // What a new migration would do, for the failure message.
    private static string Differences(DbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        if (snapshot is not null)
        {
            snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        }
        var runtime = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        return string.Join("; ", db.GetService<IMigrationsModelDiffer>().GetDifferences(snapshot?.GetRelationalModel(), runtime)
            .Select(o => o is AlterColumnOperation alter
                ? $"{alter.Table}.{alter.Name}: {alter.OldColumn.ColumnType} -> {alter.ColumnType}"
                : o.GetType().Name));
    }
}
