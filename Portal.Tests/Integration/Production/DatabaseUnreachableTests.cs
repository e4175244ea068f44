using System.Net;
using Npgsql;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Production;

/// <summary>
/// A database that is down when Portal starts is no crash: Portal listens, answers 503 and keeps trying, and serves as
/// soon as the database is there, without a restart.
/// </summary>
public sealed class DatabaseUnreachableTests : IAsyncLifetime
{
    private readonly ProductionPortal _portal = new();
    private PostgresServer? _server;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        await _server.CreateDatabaseAsync("portal");
        await _server.CrashAsync();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_DatabaseDown_Answers503AndStaysUp()
    {
        var portal = _portal.Launch(Settings());

        var body = await ProductionPortal.WaitForStatusAsync(portal, "Account/Login", HttpStatusCode.ServiceUnavailable);

        Assert.Contains("database cannot be reached", body, StringComparison.Ordinal);
        Assert.False(portal.HasExited);
    }

    [Fact]
    public async Task Start_DatabaseComesLater_ServesWithoutRestart()
    {
        var portal = _portal.Launch(Settings());
        await ProductionPortal.WaitForStatusAsync(portal, "Account/Login", HttpStatusCode.ServiceUnavailable);

        await _server!.StartAgainAsync();

        // Portal retries with a pause that grows to half a minute.
        await ProductionPortal.WaitForStatusAsync(portal, "Account/Login", HttpStatusCode.OK, TimeSpan.FromSeconds(90));
    }

    private Dictionary<string, string> Settings() => ProductionPortal.Settings(
        ("Database:Provider", "Postgres"), ("ConnectionStrings:Portal", _server!.ConnectionString("portal")));
}
