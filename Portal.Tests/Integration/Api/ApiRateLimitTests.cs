using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>Per-key limits: a key past its burst gets 429 with Retry-After; another key of the same merchant is untouched.</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    // A burst of 3 and one request a second: the fourth request in a row is over, whatever the machine's speed.
    private readonly PortalApp _app = new(new Dictionary<string, string?>
    {
        ["Api:Burst"] = "3",
        ["Api:RequestsPerSecond"] = "1",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AKeyOverItsBurst_Gets429WithRetryAfter_AndOtherKeysGoOn()
    {
        using var busy = ApiKeyIssuer.Client(_app, await ApiKeyIssuer.IssueAsync(_app, name: "Busy"));
        using var quiet = ApiKeyIssuer.Client(_app, await ApiKeyIssuer.IssueAsync(_app, name: "Quiet"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await busy.GetAsync("api/v1/key");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
            var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
        }
        using var other = await quiet.GetAsync("api/v1/key");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
