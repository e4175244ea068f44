using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Production;

/// <summary>
/// `dotnet Portal.dll migrate` is the deployment step that brings a database to this build's schema: it applies the
/// migrations, says which, and exits without serving. A Portal started on a database behind them answers 503 naming
/// that command, and serves by itself once someone has run it.
/// </summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private const string FirstSqliteMigration = "20261125043955_Initial";
    private const string FirstPostgresMigration = "20261206235323_Initial";

    private readonly ProductionPortal _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Migrate_FreshSqliteFolder_AppliesMigrationsAndExits()
    {
        var (exitCode, output) = await _portal.RunAsync(new Dictionary<string, string>(), "migrate");

        Assert.Equal(0, exitCode);
        Assert.Contains(FirstSqliteMigration, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FreshPostgresDatabase_AppliesMigrationsAndExits()
    {
        await using var database = PostgresDatabase.Create();

        var (exitCode, output) = await _portal.RunAsync(Postgres(database), "migrate");

        Assert.Equal(0, exitCode);
        Assert.Contains(FirstPostgresMigration, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Twice_SaysNothingToApply()
    {
        await _portal.RunAsync(new Dictionary<string, string>(), "migrate");

        var (exitCode, output) = await _portal.RunAsync(new Dictionary<string, string>(), "migrate");

        Assert.Equal(0, exitCode);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstSqliteMigration, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SchemaBehind_Answers503NamingMigrate()
    {
        var portal = _portal.Launch(NoMigrationAtStart());

        var body = await ProductionPortal.WaitForStatusAsync(portal, "Account/Login", HttpStatusCode.ServiceUnavailable);

        Assert.Contains("dotnet Portal.dll migrate", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SchemaBehind_ServesOnceMigratedWithoutRestart()
    {
        var settings = NoMigrationAtStart();
        var portal = _portal.Launch(settings);
        await ProductionPortal.WaitForStatusAsync(portal, "Account/Login", HttpStatusCode.ServiceUnavailable);

        var (exitCode, _) = await _portal.RunAsync(settings, "migrate");

        Assert.Equal(0, exitCode);
        await ProductionPortal.WaitForStatusAsync(portal, "Account/Login", HttpStatusCode.OK);
    }

    private static Dictionary<string, string> NoMigrationAtStart() =>
        ProductionPortal.Settings(("Database:MigrateOnStartup", "false"));

    private static Dictionary<string, string> Postgres(PostgresDatabase database) =>
        database.Settings.ToDictionary(s => s.Key, s => s.Value!);
}
