using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Payments;
using Portal.SandboxBank;
using Portal.Tests.Builders;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>A Portal with the bank off pays through the bank run alone, over the same signed HTTP.</summary>
public sealed class StandaloneBankTests(StandaloneBankFixture fixture) : IClassFixture<StandaloneBankFixture>
{
    [Fact]
    public async Task RealTimePayment_BankRunAlone_SettlesAtThatBank()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.Portal.Services, 12.34m);
        var flow = fixture.Portal.Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        // The bank's published test payer: Portal could not open a payer of its own at a bank it does not hold.
        var paid = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse("6200000000000001", "123456"),
            Guid.NewGuid().ToString("N"));

        Assert.Equal(PaymentStatus.Succeeded, paid.Status);
        await using var bank = fixture.OpenBankDatabase();
        var order = await bank.Orders.AsNoTracking().SingleAsync(o => o.OrderId == paid.PaymentId);
        Assert.Equal(BankOrderStatus.Settled, order.Status);
    }

    [Fact]
    public async Task BankRoutes_PortalWithBankOff_AreNotFound()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(fixture.Portal.Url("sandbox/bank/v1/ping"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HealthLive_BankRunAlone_Answers()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(fixture.Bank.BaseAddress, "health/live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Start_BankRunAlone_SaysWhereItListens()
    {
        Assert.Contains($"Sandbox bank listening on {fixture.Bank.BaseAddress.ToString().TrimEnd('/')}", fixture.Bank.Output,
            StringComparison.Ordinal);
    }
}
