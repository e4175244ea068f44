using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Operations;

/// <summary>What readiness says when one of the things Portal needs is not there.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private const string SchemaBehind = "Two migrations are not applied.";

    private readonly HttpClient _http = new();
    private PortalApp? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_RailUnreachable_Answers200Degraded()
    {
        _app = new PortalApp(new Dictionary<string, string?> { ["Rail:BaseUrl"] = $"http://127.0.0.1:{UnusedPort.Find()}/" });

        var answer = await HealthAnswer.GetAsync(_http, _app.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Degraded", answer.Status);
        Assert.Equal("Degraded", answer.Checks["rail"].Status);
        Assert.Equal("Healthy", answer.Checks["database"].Status);
    }

    [Fact]
    public async Task Ready_SchemaBehind_Answers503WithTheReason()
    {
        var answer = await AskWithSchemaBehindAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("Unhealthy", answer.Checks["database"].Status);
        Assert.Equal(SchemaBehind, answer.Checks["database"].Description);
    }

    [Fact]
    public async Task Live_SchemaBehind_StillAnswers200()
    {
        var answer = await AskWithSchemaBehindAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    // As startup reports a database whose schema is older than this build.
    private async Task<HealthAnswer> AskWithSchemaBehindAsync(string path)
    {
        _app = new PortalApp();
        _ = _app.BaseAddress;
        _app.Services.GetRequiredService<DatabaseStatus>().Set(DatabaseState.SchemaBehind, SchemaBehind);
        return await HealthAnswer.GetAsync(_http, _app.Url(path));
    }
}
