using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.LiveUpdates;
using Portal.Pay;
using Portal.Tests.Builders;
using Portal.Tests.Components.Pay;
using Portal.Tests.Infrastructure;
using Portal.Wallet;

namespace Portal.Tests.Integration.Pay;

/// <summary>
/// The customer's checkout card and the wallet's page as a circuit runs them (interactive), on the real app's queries
/// and pushes: what they show when the payment changes elsewhere after they opened. Their reads really wait on a server
/// database, so each renders once before it knows what it shows.
/// </summary>
public abstract class PayPagesLiveTests(DatabaseProvider provider) : PayComponentTest, IAsyncLifetime
{
    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "00:00:00.300" },
        provider: provider);

    private IServiceProvider App => _app.Services;

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        Services.AddSingleton(App.GetRequiredService<CheckoutQueries>());
        Services.AddSingleton(App.GetRequiredService<WalletQueries>());
        Services.AddSingleton(App.GetRequiredService<PaymentFlow>());
        Services.AddSingleton(App.GetRequiredService<PaymentEvents>());
        Services.AddSingleton(App.GetRequiredService<TimeProvider>());
        Services.AddSingleton(App.GetRequiredService<IOptions<CheckoutOptions>>());
        Services.AddSingleton(App.GetRequiredService<Portal.Addresses.PublicAddresses>());
        Services.AddSingleton(App.GetRequiredService<Portal.Abuse.VelocityLimits>());
        Services.AddScoped<Portal.Abuse.ClientAddress>();
        Services.AddScoped<PayerQuotes>();
        // The receipt's refunds island has a test of its own (and reads through services of its own).
        ComponentFactories.AddStub<ReceiptRefunds>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CheckoutCard_PaidFromAnotherTabAfterOpening_ShowsPaymentSuccessful()
    {
        var payer = await BankBook.OpenPayerAsync(App, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(App, 12.34m);
        var card = Render<CheckoutCard>(p => p.Add(c => c.Token, checkout.Token));
        card.WaitForAssertion(() => Assert.Contains("How would you like to pay?", card.Markup, StringComparison.Ordinal));

        var flow = App.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "other-tab");

        card.WaitForAssertion(() => Assert.Contains("Payment successful", card.Markup, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WalletPage_ApprovedFromAnotherTabAfterOpening_ShowsTheSettledPayment()
    {
        var payer = await BankBook.OpenPayerAsync(App, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(App, 12.34m);
        var flow = App.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var wallet = Render<WalletPaymentPage>(p => p.Add(c => c.Reference, started.PaymentId.ToString("N")));
        wallet.WaitForAssertion(() => Assert.Contains("Approve", wallet.Markup, StringComparison.Ordinal));

        await flow.ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "other-tab");

        wallet.WaitForAssertion(() => Assert.Contains("Payment successful", wallet.Markup, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
    }
}

public sealed class PayPagesLiveOnSqliteTests() : PayPagesLiveTests(DatabaseProvider.Sqlite);

public sealed class PayPagesLiveOnPostgresTests() : PayPagesLiveTests(DatabaseProvider.Postgres);
