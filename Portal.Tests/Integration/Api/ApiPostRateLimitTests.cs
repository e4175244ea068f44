using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>A POST over the key's limit is refused with 429 before anything is claimed or created.</summary>
public sealed class ApiPostRateLimitTests : IAsyncLifetime
{
    private readonly PortalApp _app = new(new Dictionary<string, string?>
    {
        ["Api:Burst"] = "2",
        ["Api:RequestsPerSecond"] = "1",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateCheckout_OverTheLimit_429WithRetryAfter_AndNothingCreated()
    {
        using var client = ApiKeyIssuer.Client(_app, await ApiKeyIssuer.IssueAsync(_app));
        var reference = Guid.NewGuid().ToString("N")[..16];
        HttpResponseMessage? limited = null;
        var created = 0;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await ApiCalls.PostAsync(client, "api/v1/checkouts", ApiCalls.CheckoutJson(reference));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                created += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.NotNull(limited.Headers.RetryAfter);
            Assert.Equal("rate_limited", (await ApiCalls.JsonAsync(limited)).GetProperty("code").GetString());
        }
        // Only the requests the limiter let through created anything.
        Assert.Equal(created, await ApiCalls.CheckoutsWithReferenceAsync(_app, reference));
    }
}
