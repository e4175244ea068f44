using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Pay;

/// <summary>
/// What a checkout page costs the server, read from the HTML a browser gets: every server-interactive root in it is a
/// component tree the server holds in a circuit for as long as the tab is open.
/// </summary>
public abstract partial class CheckoutPageRenderingTests(DatabaseProvider provider) : IAsyncLifetime
{
    // The fast rail's settlement stays away for the test's life: the fast payment waits for the bank.
    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "01:00:00" },
        provider: provider);

    private IServiceProvider Services => _app.Services;

    private PaymentFlow Flow => Services.GetRequiredService<PaymentFlow>();

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_WaitingForTheBank_OnlyTheCardIsInteractive()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 12.34m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        await Flow.ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        var html = await GetPageAsync(checkout.Token);

        Assert.Contains("Processing your payment", html, StringComparison.Ordinal);
        Assert.Single(InteractiveRoots(html));
    }

    [Fact]
    public async Task Open_Unpaid_CardWaitsForItsCircuit()
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m);

        var html = await GetPageAsync(checkout.Token);

        Assert.Single(InteractiveRoots(html));
        Assert.Contains("data-ready=\"false\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Paid_StaticReceiptWithOnlyTheRefundsIsland()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 12.34m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        var html = await GetPageAsync(checkout.Token);

        Assert.Contains("Payment successful", html, StringComparison.Ordinal);
        // The receipt is static; only its refunds list is interactive, so a refund shows while the receipt is open.
        Assert.Single(InteractiveRoots(html));
        // Nothing on it waits for a circuit: the marker browser tests wait for is set at once.
        Assert.Contains("data-ready=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnknownLink_StaticNoticeWithoutCircuit()
    {
        var html = await GetPageAsync("no-such-link-here-at-all-00000");

        Assert.Contains("Payment link not found", html, StringComparison.Ordinal);
        Assert.Empty(InteractiveRoots(html));
    }

    private async Task<string> GetPageAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return await http.GetStringAsync($"pay/{token}");
    }

    private static List<string> InteractiveRoots(string html) =>
        ServerMarker().Matches(html).Select(m => m.Value).ToList();

    // The opening marker of each server-interactive root, as blazor.web.js reads them to start the circuit.
    [GeneratedRegex("<!--Blazor:\\{\"type\":\"server\".*?-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();
}

public sealed class CheckoutPageRenderingOnSqliteTests() : CheckoutPageRenderingTests(DatabaseProvider.Sqlite);

public sealed class CheckoutPageRenderingOnPostgresTests() : CheckoutPageRenderingTests(DatabaseProvider.Postgres);
