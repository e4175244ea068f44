using System.Net;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Operations;

/// <summary>The health endpoints as a load balancer polls them: anonymous, JSON, 200 when serving, 503 when not.</summary>
public abstract class HealthTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly PortalApp _app = new(provider: provider);
    private readonly HttpClient _http = new();

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Live_RunningApp_Answers200()
    {
        var answer = await HealthAnswer.GetAsync(_http, _app.Url("/health/live"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Healthy", answer.Status);
    }

    [Fact]
    public async Task Ready_HealthyApp_Answers200WithDatabaseAndRailHealthy()
    {
        var answer = await HealthAnswer.GetAsync(_http, _app.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Healthy", answer.Status);
        Assert.Equal("Healthy", answer.Checks["database"].Status);
        Assert.Equal("Healthy", answer.Checks["rail"].Status);
    }

    [Fact]
    public async Task Ready_Answer_NamesNoServerNorConnectionString()
    {
        var answer = await HealthAnswer.GetAsync(_http, _app.Url("/health/ready"));

        Assert.DoesNotContain("Data Source", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Host=", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_app.BaseAddress.Authority, answer.Body, StringComparison.Ordinal);
    }
}

public sealed class HealthOnSqliteTests() : HealthTests(DatabaseProvider.Sqlite);

public sealed class HealthOnPostgresTests() : HealthTests(DatabaseProvider.Postgres);
