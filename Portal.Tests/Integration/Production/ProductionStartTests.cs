using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Production;

/// <summary>
/// A safe production start serves; the embedded sandbox bank is there only when said; a database that the Development
/// demo seeded is refused, since its published key and passwords would let anyone in.
/// </summary>
public sealed class ProductionStartTests : IAsyncLifetime
{
    private readonly ProductionPortal _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Start_SafeSettingsWithSandboxBankSaid_ServesSignIn()
    {
        var portal = await _portal.StartAsync(ProductionPortal.Settings());

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        using var response = await http.GetAsync("Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_SandboxBankSaid_BankRefusesUnsignedRequest()
    {
        var portal = await _portal.StartAsync(ProductionPortal.Settings());

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        using var response = await http.GetAsync($"sandbox/bank/v1/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_BankUnsaidWithRail_SandboxBankAnswers404()
    {
        var portal = await _portal.StartAsync(BankOff());

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        // The embedded bank would answer 401 to this unsigned request.
        using var response = await http.GetAsync($"sandbox/bank/v1/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_BankUnsaidWithRail_RailCallbackStays()
    {
        var portal = await _portal.StartAsync(BankOff());

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        using var response = await http.PostAsync("rails/sandbox/callback", new StringContent("{}"));

        // There, and refusing what is not signed by the rail.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_DemoStaffInDatabase_RefusesNamingThem()
    {
        await _portal.SeedDemoAsync(new Dictionary<string, string>());

        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings());

        Assert.Equal(1, exitCode);
        Assert.Contains("owner@demo.test", output, StringComparison.Ordinal);
        Assert.Contains("crit", output, StringComparison.Ordinal);
        Assert.Empty(ProductionPortal.StackTraceLines(output));
    }

    [Fact]
    public async Task Start_SampleApiKeyInDatabase_RefusesNamingIt()
    {
        await _portal.SeedDemoAsync(new Dictionary<string, string> { ["Demo:SampleShop"] = "true" });

        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings());

        Assert.Equal(1, exitCode);
        Assert.Contains("Demo shop (sample)", output, StringComparison.Ordinal);
    }

    // A real acquirer's address, and nothing said of the embedded bank: it is off.
    private static Dictionary<string, string> BankOff() =>
        ProductionPortal.Settings(("SandboxBank:Enabled", null), ("Rail:BaseUrl", "https://acquirer.portal.test/"));
}
