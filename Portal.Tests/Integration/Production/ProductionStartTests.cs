using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.SandboxBank;
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
        Assert.Equal(HttpStatusCode.OK, await AnswerAsync(ProductionPortal.Settings(), HttpMethod.Get, "Account/Login"));
    }

    [Fact]
    public async Task Start_SandboxBankSaid_BankRefusesUnsignedRequest()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await AnswerAsync(ProductionPortal.Settings(), HttpMethod.Get, BankOrder()));
    }

    [Fact]
    public async Task Start_BankUnsaidWithRail_SandboxBankAnswers404()
    {
        Assert.Equal(HttpStatusCode.NotFound, await AnswerAsync(BankOff(), HttpMethod.Get, BankOrder()));
    }

    [Fact]
    public async Task Start_BankUnsaidWithRail_RailCallbackStays()
    {
        // There, and refusing what the rail did not sign.
        Assert.Equal(HttpStatusCode.Unauthorized, await AnswerAsync(BankOff(), HttpMethod.Post, "rails/sandbox/callback"));
    }

    [Fact]
    public async Task Start_DemoStaffInDatabase_RefusesNamingThem()
    {
        await _portal.SeedDemoAsync(new Dictionary<string, string>());

        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings());

        Assert.Equal(1, exitCode);
        Assert.Contains("owner@demo.test", output, StringComparison.Ordinal);
        // Production logs are JSON lines, one per entry.
        Assert.Contains("\"LogLevel\":\"Critical\"", output, StringComparison.Ordinal);
        Assert.Empty(ProductionPortal.StackTraceLines(output));
    }

    [Fact]
    public async Task Start_StagingWithSandboxBank_TestPayersOpened()
    {
        await _portal.StartAsync(ProductionPortal.Settings());

        await using var bank = new SandboxBankDbContext(new DbContextOptionsBuilder<SandboxBankDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_portal.DataDirectory, "sandbox-bank.db")};Pooling=False").Options);
        var payers = await bank.Accounts.Where(a => a.Kind == BankAccountKind.Payer).Select(a => a.Number).ToListAsync();

        Assert.Equal(["6200000000000001", "6200000000000002", "6200000000000003", "6201000000000001", "6202000000000001",
            "6203000000000001", "6204000000000001", "6205000000000001"], payers.Order());
        Assert.False(await bank.Accounts.AnyAsync(a => a.Number == DemoData.DemoShopSettlementAccount));
    }

    [Fact]
    public async Task Start_SampleApiKeyInDatabase_RefusesNamingIt()
    {
        await _portal.SeedDemoAsync(new Dictionary<string, string> { ["Demo:SampleShop"] = "true" });

        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings());

        Assert.Equal(1, exitCode);
        Assert.Contains("Demo shop (sample)", output, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> AnswerAsync(Dictionary<string, string> settings, HttpMethod method, string path)
    {
        var portal = await _portal.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}");
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    // The embedded bank answers an unsigned request 401.
    private static string BankOrder() => $"sandbox/bank/v1/orders/{Guid.NewGuid()}";

    // A real acquirer's address, and nothing said of the embedded bank: it is off.
    private static Dictionary<string, string> BankOff() =>
        ProductionPortal.Settings(("SandboxBank:Enabled", null), ("Rail:BaseUrl", "https://acquirer.portal.test/"));
}
